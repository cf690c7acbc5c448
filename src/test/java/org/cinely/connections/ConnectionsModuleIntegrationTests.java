package org.cinely.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.cinely.platform.MemberId;
import org.cinely.profiles.ProfilesApi;
import org.cinely.works.WorksApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The connections module alone (with platform): what members do to each other goes out as events
 * the feed and notifications live on, with the right members in them, and only when something
 * changed. The modules connections calls are stand-ins here.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class ConnectionsModuleIntegrationTests {

    @MockitoBean
    ProfilesApi profiles;

    @MockitoBean
    WorksApi works;

    @Autowired
    ConnectionService connections;

    @Autowired
    JdbcTemplate jdbc;

    final MemberId asker = someMember();
    final MemberId other = someMember();

    private static MemberId someMember() {
        return MemberId.of(ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L));
    }

    @AfterEach
    void removeTheirRows() {
        new ConnectionsTestData(jdbc).removeMembersAfter(999_999_999L);
    }

    private long requestId() {
        return jdbc.queryForObject(
                "select id from connection_requests where requester_id = ? and recipient_id = ?",
                Long.class,
                asker.value(),
                other.value());
    }

    // Requests and acceptances run in transactions of their own (READ COMMITTED, retried), as the
    // controller calls them; a stimulus in the scenario's transaction may not join it with another
    // isolation (validateExistingTransaction), so these stimuli take no transaction.
    @Test
    void aRequestThenItsAcceptanceGoOutWithTheirMembers(Scenario scenario) {
        scenario.stimulate((TransactionOperations ownTransactions) ->
                        connections.request(asker, other, "Loved your gaffing on Night Exterior"))
                .andWaitForEventOfType(ConnectionRequested.class)
                .matching(event -> event.requester().equals(asker))
                .toArriveAndVerify(event -> {
                    assertThat(event.recipient()).isEqualTo(other);
                    assertThat(event.requestId()).isEqualTo(requestId());
                });

        long request = requestId();
        scenario.stimulate((TransactionOperations ownTransactions) ->
                        connections.accept(other, request, Optional.of(asker)))
                .andWaitForEventOfType(ConnectionAccepted.class)
                .matching(event -> event.accepter().equals(other))
                .toArriveAndVerify(event -> assertThat(event.requester()).isEqualTo(asker));
    }

    @Test
    void askingSomeoneWhoAskedFirstConnectsYouBoth(Scenario scenario) {
        connections.request(asker, other, null);
        scenario.stimulate((TransactionOperations ownTransactions) -> connections.request(other, asker, null))
                .andWaitForEventOfType(ConnectionAccepted.class)
                .matching(event -> event.accepter().equals(other))
                .toArriveAndVerify(event -> assertThat(event.requester()).isEqualTo(asker));
    }

    @Test
    void removingAConnectionAndBlockingAreAnnounced(Scenario scenario) {
        connections.request(asker, other, null);
        connections.accept(other, requestId(), Optional.of(asker));

        scenario.stimulate(() -> connections.remove(asker, other))
                .andWaitForEventOfType(ConnectionRemoved.class)
                .matching(event -> event.remover().equals(asker))
                .toArriveAndVerify(event -> assertThat(event.other()).isEqualTo(other));

        scenario.stimulate(() -> connections.block(other, asker))
                .andWaitForEventOfType(MemberBlocked.class)
                .matching(event -> event.blocker().equals(other))
                .toArriveAndVerify(event -> assertThat(event.blocked()).isEqualTo(asker));
        // A blocked member cannot ask again.
        assertThat(connections.request(asker, other, null)).isEqualTo(ConnectionService.Outcome.UNAVAILABLE);
    }
}
