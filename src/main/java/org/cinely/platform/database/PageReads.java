package org.cinely.platform.database;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value read once per read-only page transaction ({@link ReadOnlyPages}): a member's home asks
 * for the same rows from several modules (a member's blocks, for the feed's people, its jobs and
 * its works), and inside one read-only transaction the answer cannot change, because nothing
 * that runs in it may write. Outside such a transaction (no transaction, or a read-write one,
 * which a read-only method may join) every call reads afresh, so a write and a read after it in
 * the same transaction never meet a stale value.
 */
public final class PageReads {

    private static final Object MEMO = new Object() {
        @Override
        public String toString() {
            return "PageReads";
        }
    };

    private PageReads() {}

    /** The value under {@code key} read by {@code read}, once per read-only transaction. */
    @SuppressWarnings("unchecked")
    public static <T> T once(Object key, Supplier<T> read) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return read.get();
        }
        Map<Object, Object> memo = (Map<Object, Object>) TransactionSynchronizationManager.getResource(MEMO);
        if (memo == null) {
            Map<Object, Object> created = new HashMap<>();
            TransactionSynchronizationManager.bindResource(MEMO, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(MEMO);
                }
            });
            memo = created;
        }
        Object value = memo.get(key);
        if (value == null) {
            value = read.get();
            memo.put(key, value);
        }
        return (T) value;
    }
}
