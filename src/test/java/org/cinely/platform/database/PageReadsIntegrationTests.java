package org.cinely.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.cinely.connections.ConnectionsApi;
import org.cinely.platform.MemberId;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link PageReads}: a value is read once within a read-only transaction, and afresh everywhere
 * else, so a write and the read after it never meet a kept answer.
 */
@CinelyIntegrationTest
class PageReadsIntegrationTests {

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ConnectionsApi connections;

    @Autowired
    TestData data;

    @BeforeEach
    void mark() {
        data.mark();
    }

    @AfterEach
    void cleanUp() {
        data.jdbc().update("DELETE FROM member_blocks WHERE blocker_id = 990000001");
        data.cleanUp();
    }

    TransactionTemplate readOnly() {
        TransactionTemplate page = new TransactionTemplate(transactions);
        page.setReadOnly(true);
        return page;
    }

    @Test
    void withinOneReadOnlyTransactionAValueIsReadOnceAndTheNextTransactionReadsAgain() {
        AtomicInteger reads = new AtomicInteger();

        readOnly().executeWithoutResult(status -> {
            assertThat((Integer) PageReads.once("key", reads::incrementAndGet)).isEqualTo(1);
            assertThat((Integer) PageReads.once("key", reads::incrementAndGet)).isEqualTo(1);
            assertThat((Integer) PageReads.once("other key", reads::incrementAndGet))
                    .isEqualTo(2);
        });
        readOnly().executeWithoutResult(status -> PageReads.once("key", reads::incrementAndGet));

        assertThat(reads).hasValue(3);
    }

    @Test
    void outsideAReadOnlyTransactionEveryCallReads() {
        AtomicInteger reads = new AtomicInteger();

        PageReads.once("key", reads::incrementAndGet);
        PageReads.once("key", reads::incrementAndGet);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            PageReads.once("key", reads::incrementAndGet);
            PageReads.once("key", reads::incrementAndGet);
        });

        assertThat(reads).hasValue(4);
    }

    @Test
    void aBlockWrittenInATransactionIsSeenByTheReadAfterIt() {
        MemberId blocker = MemberId.of(990_000_001L);
        MemberId blocked = MemberId.of(990_000_002L);

        Boolean seen = new TransactionTemplate(transactions).execute(status -> {
            assertThat(connections.blockedEitherWay(blocker)).isEmpty();
            data.jdbc()
                    .update(
                            "INSERT INTO member_blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, NOW(6))",
                            blocker.value(),
                            blocked.value());
            return connections.blockedEitherWay(blocker).contains(blocked);
        });

        assertThat(seen).isTrue();
        // And a page's read-only transaction afterwards reads it too, both ways.
        readOnly().executeWithoutResult(status -> {
            assertThat(connections.blockedEitherWay(blocker)).containsExactly(blocked);
            assertThat(connections.blockedEitherWay(blocked)).containsExactly(blocker);
        });
    }
}
