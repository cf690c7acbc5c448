package org.cinely.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.cinely.test.CinelyIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The session store's transactions: a read of a session runs without one (one SELECT instead of
 * four statements), a save or delete still has its own, and the application's own template is
 * still there for everyone else.
 */
@CinelyIntegrationTest
class SessionStoreTransactionsIntegrationTests {

    @Autowired
    @Qualifier("springSessionTransactionOperations")
    TransactionOperations sessionStore;

    @Autowired
    TransactionTemplate applicationTemplate;

    @Test
    void aReadOfTheStoreRunsWithoutATransactionAndAWriteInItsOwn() {
        boolean readInTransaction = SessionStoreTransactions.reading(
                () -> sessionStore.execute(status -> TransactionSynchronizationManager.isActualTransactionActive()));
        boolean writeInTransaction =
                sessionStore.execute(status -> TransactionSynchronizationManager.isActualTransactionActive());
        // A write the session store makes while the request is in a transaction of its own is still
        // its own (REQUIRES_NEW): a page's read-only transaction does not swallow it.
        boolean ownTransactionInsidePage = Boolean.TRUE.equals(
                applicationTemplate.execute(outer -> sessionStore.execute(inner -> inner.isNewTransaction())));

        assertThat(readInTransaction).isFalse();
        assertThat(writeInTransaction).isTrue();
        assertThat(ownTransactionInsidePage).isTrue();
        assertThat(applicationTemplate).isNotSameAs(sessionStore);
    }
}
