package org.cinely.feed;

import org.cinely.platform.security.CurrentMember;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /live}: the signed-in member's server-sent events (new feed entries, the unread
 * count, transcode progress). A page opens it with {@code ?since=} the newest event id it was
 * rendered with; the browser's own reconnects send {@code Last-Event-ID}, and the stream replays
 * what was missed before going live. An id that is not a number, lies in the future or is older
 * than what is kept is refused with a 4xx and changes nothing; the page then reloads its state.
 */
@RestController
class LiveController {

    /** Open pages one member may hold at once (tabs, devices); the oldest makes way for a new one. */
    static final int PAGES_PER_MEMBER = 20;

    private final LiveHub hub;
    private final LiveEvents events;
    private final MessageSource messages;

    LiveController(LiveHub hub, LiveEvents events, MessageSource messages) {
        this.hub = hub;
        this.events = events;
        this.messages = messages;
    }

    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<?> live(
            @AuthenticationPrincipal CurrentMember member,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(required = false) String since) {
        String given = lastEventId != null ? lastEventId.strip() : since;
        long from;
        if (given == null || given.isEmpty()) {
            from = events.maxId();
        } else if (!given.matches("\\d{1,18}")) {
            return refuse(HttpStatus.BAD_REQUEST, "live.bad-id");
        } else {
            from = Long.parseLong(given);
            // Pages start from the hub's position, which can be past the table's newest row when
            // the newest rows are gone (an erased member's): an id the hub handed out is valid.
            if (from > Math.max(events.maxId(), hub.pageStart())) {
                return refuse(HttpStatus.BAD_REQUEST, "live.bad-id");
            }
            long oldest = events.minId().orElse(from + 1);
            if (from + 1 < oldest) {
                return refuse(HttpStatus.GONE, "live.stale-id");
            }
        }
        // At the cap the member's oldest stream makes way (pages left by quick clicks linger
        // until a write to them fails); the cap still bounds what one member holds open.
        hub.makeRoom(member.id(), PAGES_PER_MEMBER);
        return ResponseEntity.ok()
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no") // nginx: pass each event through at once
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .body(hub.open(member.id(), from));
    }

    /** A refusal says why, in words (EventSource never shows them; a person trying the URL does). */
    private ResponseEntity<String> refuse(HttpStatus status, String reasonKey) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body(messages.getMessage(reasonKey, null, LocaleContextHolder.getLocale()));
    }
}
