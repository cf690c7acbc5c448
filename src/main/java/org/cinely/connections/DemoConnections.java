package org.cinely.connections;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.cinely.platform.MemberId;
import org.cinely.platform.demo.DemoData;
import org.cinely.profiles.ProfilesApi;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Connects the demo members (after profiles described them): a ring with a few chords, so that
 * everyone has connections, mutual connections and "people you may know", plus some pending
 * requests so the requests page and header badge show something. Only on an empty graph.
 */
@Component
@Order(30)
class DemoConnections implements ApplicationRunner {

    private final DemoData demo;
    private final ProfilesApi profiles;
    private final ConnectionQueries queries;
    private final Clock clock;

    DemoConnections(DemoData demo, ProfilesApi profiles, ConnectionQueries queries, Clock clock) {
        this.demo = demo;
        this.profiles = profiles;
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        for (DemoData.DemoMember member : demo.members()) {
            profiles.memberIdOf(member.handle()).map(MemberId::value).ifPresent(ids::add);
        }
        if (ids.size() < 10 || queries.connectionCount(ids.get(0)) > 0) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        int n = ids.size();
        for (int i = 0; i < n; i++) {
            for (int step : new int[] {1, 3, 7}) {
                queries.connect(ids.get(i), ids.get((i + step) % n), now.minusDays(i + step));
            }
        }
        for (int i = 0; i < n; i += 5) {
            long requester = ids.get((i + 12) % n);
            long recipient = ids.get(i);
            if (!queries.connected(requester, recipient)
                    && queries.requestBetween(requester, recipient).isEmpty()) {
                queries.insertRequest(requester, recipient, "Hi! We should work together on the next one.", now);
            }
        }
    }
}
