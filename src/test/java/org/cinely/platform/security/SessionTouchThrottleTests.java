package org.cinely.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;

class SessionTouchThrottleTests {

    final Instant start = Instant.parse("2026-12-04T09:00:00Z");

    @Test
    void theLastAccessTimeMovesOnlyByAMinuteOrMore() {
        MapSession stored = new MapSession();
        stored.setLastAccessedTime(start);
        SessionTouchThrottle.TouchedRarely<MapSession> session = new SessionTouchThrottle.TouchedRarely<>(stored);

        session.setLastAccessedTime(start.plusSeconds(59));
        assertThat(stored.getLastAccessedTime())
                .as("a page 59 s later writes nothing")
                .isEqualTo(start);

        session.setLastAccessedTime(start.plusSeconds(60));
        assertThat(stored.getLastAccessedTime()).isEqualTo(start.plusSeconds(60));
    }

    @Test
    void everythingElseReachesTheStoredSession() {
        MapSession stored = new MapSession();
        SessionTouchThrottle.TouchedRarely<MapSession> session = new SessionTouchThrottle.TouchedRarely<>(stored);

        session.setAttribute("flash", "saved");
        session.setMaxInactiveInterval(Duration.ofDays(30));
        String id = session.changeSessionId();

        assertThat(stored.<String>getAttribute("flash")).isEqualTo("saved");
        assertThat(stored.getMaxInactiveInterval()).isEqualTo(Duration.ofDays(30));
        assertThat(stored.getId()).isEqualTo(id).isEqualTo(session.getId());
    }
}
