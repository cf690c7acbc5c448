package org.cinely.platform.cache;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Drops a node-local cached value when the event that changes it is published. Events are
 * published inside the writing transaction, so the value is dropped at once (this request reads
 * its own change) and again after the commit: a request on another thread that filled the cache
 * from the old rows between the two is not left holding them.
 */
public final class Invalidation {

    private Invalidation() {}

    public static void nowAndAfterCommit(Runnable invalidate) {
        invalidate.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    invalidate.run();
                }
            });
        }
    }
}
