package org.cinely.works;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cinely.media.MediaApi;
import org.cinely.media.MediaFile;
import org.cinely.media.MediaStatus;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.security.CurrentMember;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A work's video files and its transcode progress, under the same visibility rule as its page.
 */
@Controller
class WorkMediaController {

    private final WorkService works;
    private final MediaApi media;
    private final MessageSource messages;

    WorkMediaController(WorkService works, MediaApi media, MessageSource messages) {
        this.works = works;
        this.media = media;
        this.messages = messages;
    }

    /** Live progress for the owner's pages (polled by works.js). */
    @GetMapping(path = "/works/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> status(
            @AuthenticationPrincipal CurrentMember member, @PathVariable long id, java.util.Locale locale) {
        Work work = works.findOwned(id, member);
        Map<String, Object> body = new LinkedHashMap<>();
        MediaStatus status = work.getMediaAssetId() == null
                ? null
                : media.status(work.getMediaAssetId()).orElse(null);
        if (status == null) {
            body.put("state", "NONE");
        } else {
            body.put("state", status.state().name());
            body.put("uploadPercent", status.uploadPercent());
            body.put("transcodePercent", status.transcodePercent());
            body.put("playable", status.playable());
            body.put("renditions", status.renditions());
            body.put("waitingForTranscoder", status.waitingForTranscoder());
            body.put(
                    "label",
                    messages.getMessage(
                            status.waitingForTranscoder() ? "media.state.waiting-for-transcoder" : status.messageKey(),
                            new Object[] {status.transcodePercent()},
                            locale));
            if (status.failureReasonKey() != null) {
                body.put(
                        "reason",
                        messages.getMessage(status.failureReasonKey(), null, status.failureReasonKey(), locale));
            }
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    /**
     * The work's video files (playlists, segments, poster) under its current media version (see
     * {@link MediaPaths}): an older version answers 404, like a missing work, so a URL a shared
     * cache may hold is dead once the work stopped reaching someone. The same visibility rule as
     * the page applies to every file, so a copied direct URL is refused too. Only a work everyone
     * may watch is cached publicly. Range requests are answered by Spring from the resource.
     */
    @GetMapping("/works/{id}/media/v{version}/**")
    ResponseEntity<Resource> mediaFile(
            @AuthenticationPrincipal CurrentMember viewer,
            @PathVariable long id,
            @PathVariable int version,
            HttpServletRequest request) {
        String path =
                request.getRequestURI().substring((request.getContextPath() + MediaPaths.base(id, version)).length());
        // Opening the player is recorded for a moderator; each segment is not.
        Work work = path.endsWith("master.m3u8") ? works.open(id, viewer) : works.findVisible(id, viewer);
        if (work.getMediaAssetId() == null || work.getMediaVersion() != version) {
            throw new NotFoundException("work");
        }
        MediaFile file = media.file(work.getMediaAssetId(), path).orElseThrow(() -> new NotFoundException("work"));
        boolean everyone = work.reachesEveryone();
        CacheControl cache;
        if (!file.immutable()) {
            cache = CacheControl.noCache();
            cache = everyone ? cache : cache.cachePrivate();
        } else {
            cache = CacheControl.maxAge(Duration.ofDays(365));
            cache = everyone ? cache.cachePublic().immutable() : cache.cachePrivate();
        }
        return ResponseEntity.ok()
                .cacheControl(cache)
                .header("Accept-Ranges", "bytes")
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.resource());
    }
}
