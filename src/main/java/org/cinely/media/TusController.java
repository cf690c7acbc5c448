package org.cinely.media;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.security.RateLimiter;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tus 1.0.0 resumable upload protocol (core, creation and termination extensions) at
 * {@code /uploads}: POST announces a file (size and metadata) and gets its URL, HEAD tells how
 * many bytes arrived, PATCH appends from that offset, DELETE cancels. Only the uploader can see
 * or touch an upload; state changes carry the CSRF header like every other POST on the site.
 */
@RestController
@RequestMapping("/uploads")
class TusController {

    static final String TUS_VERSION = "1.0.0";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    /** New uploads a member may start (resuming one is not counted). */
    static final RateLimiter.Limit UPLOADS = new RateLimiter.Limit("upload", 30, java.time.Duration.ofHours(1));

    private final MediaService media;
    private final MediaAssets assets;
    private final MessageSource messages;
    private final RateLimiter rateLimiter;

    TusController(MediaService media, MediaAssets assets, MessageSource messages, RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
        this.media = media;
        this.assets = assets;
        this.messages = messages;
    }

    private static HttpHeaders tusHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Tus-Resumable", TUS_VERSION);
        headers.setCacheControl("no-store");
        return headers;
    }

    @RequestMapping(method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        HttpHeaders headers = tusHeaders();
        headers.set("Tus-Version", TUS_VERSION);
        headers.set("Tus-Extension", "creation,termination");
        headers.set("Tus-Max-Size", Long.toString(media.maxUploadBytes()));
        return ResponseEntity.noContent().headers(headers).build();
    }

    @PostMapping
    ResponseEntity<?> create(
            @AuthenticationPrincipal CurrentMember member,
            @RequestHeader(value = "Tus-Resumable", required = false) String version,
            @RequestHeader(value = "Upload-Length", required = false) String length,
            @RequestHeader(value = "Upload-Metadata", required = false) String metadata,
            HttpServletRequest request) {
        checkVersion(version);
        if (!member.verified()) {
            throw new UploadRefusedException("media.refused.unverified", 403);
        }
        rateLimiter.acquire(UPLOADS, "member:" + member.id());
        if (length == null) {
            // Upload-Defer-Length is not offered: the size must be known to check the limits.
            throw new UploadRefusedException("media.refused.length-required", 400);
        }
        long size;
        try {
            size = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw new UploadRefusedException("media.refused.length-required", 400);
        }
        Map<String, String> meta = parseMetadata(metadata);
        Asset asset = media.create(member.id(), meta.getOrDefault("target", ""), size, meta.get("filename"));
        HttpHeaders headers = tusHeaders();
        headers.setLocation(java.net.URI.create(request.getContextPath() + "/uploads/" + asset.uploadToken()));
        headers.set("Upload-Offset", "0");
        headers.set("Cinely-Asset", Long.toString(asset.id()));
        return ResponseEntity.status(HttpStatus.CREATED).headers(headers).build();
    }

    @RequestMapping(path = "/{token}", method = RequestMethod.HEAD)
    ResponseEntity<Void> offset(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable String token,
            @RequestHeader(value = "Tus-Resumable", required = false) String version) {
        checkVersion(version);
        Asset asset = owned(member, token);
        HttpHeaders headers = tusHeaders();
        headers.set("Upload-Offset", Long.toString(asset.uploadOffset()));
        headers.set("Upload-Length", Long.toString(asset.uploadLength()));
        return ResponseEntity.ok().headers(headers).build();
    }

    @RequestMapping(path = "/{token}", method = RequestMethod.PATCH)
    ResponseEntity<Void> append(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable String token,
            @RequestHeader(value = "Tus-Resumable", required = false) String version,
            @RequestHeader(value = "Upload-Offset", required = false) String offset,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            HttpServletRequest request)
            throws IOException {
        checkVersion(version);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(OFFSET_OCTET_STREAM)) {
            throw new UploadRefusedException("media.refused.content-type", 415);
        }
        Asset asset = owned(member, token);
        long from;
        try {
            from = Long.parseLong(offset == null ? "" : offset.trim());
        } catch (NumberFormatException e) {
            throw new UploadRefusedException("media.refused.offset", 400);
        }
        Asset after = media.append(asset, from, request.getInputStream());
        HttpHeaders headers = tusHeaders();
        headers.set("Upload-Offset", Long.toString(after.uploadOffset()));
        headers.set("Cinely-State", after.state().name());
        return ResponseEntity.noContent().headers(headers).build();
    }

    @DeleteMapping("/{token}")
    ResponseEntity<Void> terminate(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable String token,
            @RequestHeader(value = "Tus-Resumable", required = false) String version)
            throws IOException {
        checkVersion(version);
        Asset asset = owned(member, token);
        if (asset.state() == MediaState.UPLOADING) {
            media.delete(asset);
        }
        return ResponseEntity.noContent().headers(tusHeaders()).build();
    }

    /** Another member's upload looks exactly like one that does not exist. */
    private Asset owned(CurrentMember member, String token) {
        return assets.findByToken(token)
                .filter(asset -> asset.owner().equals(member.id()))
                .orElseThrow(() -> new UploadRefusedException("media.refused.not-found", 404));
    }

    private static void checkVersion(String version) {
        if (!TUS_VERSION.equals(version)) {
            throw new UploadRefusedException("media.refused.version", 412);
        }
    }

    /** tus metadata: comma-separated "key base64value" pairs. */
    static Map<String, String> parseMetadata(String header) {
        Map<String, String> meta = new HashMap<>();
        if (header == null || header.isBlank()) {
            return meta;
        }
        for (String pair : header.split(",")) {
            String[] parts = pair.trim().split(" ", 2);
            if (parts[0].isEmpty()) {
                continue;
            }
            String value = "";
            if (parts.length == 2) {
                try {
                    value = new String(Base64.getDecoder().decode(parts[1].trim()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new UploadRefusedException("media.refused.metadata", 400);
                }
            }
            meta.put(parts[0], value);
        }
        return meta;
    }

    static String humanSize(long bytes) {
        long gb = 1024L * 1024 * 1024;
        return bytes % gb == 0 ? (bytes / gb) + " GB" : (bytes / (1024 * 1024)) + " MB";
    }

    /** The reason in plain words (the upload page shows it), with the tus header. */
    @ExceptionHandler(UploadRefusedException.class)
    ResponseEntity<String> refused(UploadRefusedException refusal, Locale locale) {
        HttpHeaders headers = tusHeaders();
        headers.setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
        if (refusal.status() == 412) {
            headers.set("Tus-Version", TUS_VERSION);
        }
        if (refusal.status() == 503 || refusal.status() == 507) {
            headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(StorageFault.RETRY_AFTER_SECONDS));
        }
        String text = messages.getMessage(
                refusal.reasonKey(), new Object[] {humanSize(media.maxUploadBytes())}, refusal.reasonKey(), locale);
        return ResponseEntity.status(refusal.status()).headers(headers).body(text);
    }
}
