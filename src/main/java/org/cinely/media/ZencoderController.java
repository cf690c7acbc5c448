package org.cinely.media;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the remote transcoder calls: the notification webhook (authenticated by the secret in
 * its URL) and the source download (authenticated by a signature). Both sit in their own
 * security chain without log-in or CSRF (see {@link TranscoderSecurityConfiguration}).
 */
@RestController
class ZencoderController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Transcoder transcoder;
    private final TranscodeJobs jobs;
    private final TranscodeWorker worker;
    private final MediaAssets assets;
    private final MediaStore store;

    ZencoderController(
            Transcoder transcoder, TranscodeJobs jobs, TranscodeWorker worker, MediaAssets assets, MediaStore store) {
        this.transcoder = transcoder;
        this.jobs = jobs;
        this.worker = worker;
        this.assets = assets;
        this.store = store;
    }

    private Optional<ZencoderTranscoder> zencoder() {
        return transcoder instanceof ZencoderTranscoder z ? Optional.of(z) : Optional.empty();
    }

    /**
     * A notification only nudges: the job's state is read back from the API, so a repeated or
     * late notification finds the job already finished and changes nothing.
     */
    /** A notification is a few KB; anything larger is not one. */
    static final int MAX_NOTIFICATION_BYTES = 64 * 1024;

    /**
     * The secret is checked before a byte of the body is read, and the body is read only up to
     * {@link #MAX_NOTIFICATION_BYTES}: an anonymous caller cannot make the server hold a large body.
     */
    @PostMapping(path = "/media/transcoder/zencoder/{secret}")
    ResponseEntity<Void> receive(@PathVariable String secret, HttpServletRequest request) throws IOException {
        if (!authentic(secret)) {
            return ResponseEntity.notFound().build();
        }
        if (request.getContentLengthLong() > MAX_NOTIFICATION_BYTES) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
        }
        byte[] body = request.getInputStream().readNBytes(MAX_NOTIFICATION_BYTES + 1);
        if (body.length > MAX_NOTIFICATION_BYTES) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
        }
        return notification(secret, new String(body, StandardCharsets.UTF_8));
    }

    private boolean authentic(String secret) {
        Optional<ZencoderTranscoder> z = zencoder();
        return z.isPresent() && z.get().available() && same(secret, z.get().notificationSecret());
    }

    ResponseEntity<Void> notification(String secret, String body) {
        if (!authentic(secret)) {
            return ResponseEntity.notFound().build();
        }
        String externalId;
        try {
            externalId = JSON.readTree(body == null ? "{}" : body)
                    .path("job")
                    .path("id")
                    .asString("");
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().build();
        }
        jobs.findByExternalId(transcoder.name(), externalId).ifPresent(job -> worker.check(job.id()));
        return ResponseEntity.noContent().build();
    }

    /** The source of an upload, for the service, through a signed link that expires. */
    @GetMapping(path = "/media/transcoder/source/{assetId}/{expires}/{signature}")
    ResponseEntity<?> source(@PathVariable long assetId, @PathVariable long expires, @PathVariable String signature)
            throws IOException {
        Optional<ZencoderTranscoder> z = zencoder();
        if (z.isEmpty()
                || !z.get().available()
                || Instant.now().getEpochSecond() > expires
                || !same(signature, z.get().sourceSignature(assetId, expires))) {
            return ResponseEntity.notFound().build();
        }
        Asset asset = assets.find(assetId).orElse(null);
        if (asset == null || asset.sourceKey() == null) {
            return ResponseEntity.notFound().build();
        }
        var object = store.find(asset.sourceKey()).orElse(null);
        if (object == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(object.size())
                .body(new MediaApi.StoredResource(store, object));
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
