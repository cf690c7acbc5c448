package org.cinely.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cinely.test.CinelyIntegrationTest;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A page's read-only transaction: reads join it, a write that tries to join it fails loudly. */
@CinelyIntegrationTest
class ReadOnlyPagesIntegrationTests {

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DSLContext dsl;

    @Test
    void readsJoinThePagesTransactionAndAWriteMayNotJoinIt() {
        TransactionTemplate page = new TransactionTemplate(transactions);
        page.setReadOnly(true);
        TransactionTemplate read = new TransactionTemplate(transactions);
        read.setReadOnly(true);
        TransactionTemplate write = new TransactionTemplate(transactions);

        Integer joined = page.execute(status -> read.execute(inner -> {
            assertThat(inner.isNewTransaction()).isFalse();
            return dsl.fetchValue(DSL.inline(1));
        }));
        assertThat(joined).isEqualTo(1);

        assertThatThrownBy(() -> page.executeWithoutResult(status -> write.executeWithoutResult(inner -> {})))
                .isInstanceOf(IllegalTransactionStateException.class)
                .hasMessageContaining("read-only");
    }
}
