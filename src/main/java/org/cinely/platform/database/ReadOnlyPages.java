package org.cinely.platform.database;

import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * A page that only reads may run all its reads in one read-only transaction ({@code
 * @Transactional(readOnly = true)} on the handler): the module APIs it calls join it instead of
 * each opening its own, and each of those cost three statements beyond its queries ({@code SET
 * autocommit=0}, {@code COMMIT}, {@code SET autocommit=1}) and a Hibernate session (issue 15).
 *
 * <p>The guard: a method that writes ({@code @Transactional} without readOnly) may not join a
 * read-only transaction; it fails at once instead. Joining would be silent data loss, because
 * Hibernate does not flush a read-only transaction's changed entities.
 */
@Component
class ReadOnlyPages implements TransactionManagerCustomizer<AbstractPlatformTransactionManager> {

    @Override
    public void customize(AbstractPlatformTransactionManager transactionManager) {
        transactionManager.setValidateExistingTransaction(true);
    }
}
