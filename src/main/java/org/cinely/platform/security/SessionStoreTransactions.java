package org.cinely.platform.security;

import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How the session store (Spring Session JDBC) uses transactions. It runs everything in a
 * transaction of its own, the read of the session that every signed-in request starts with
 * included: a Hibernate session and {@code SET autocommit=0}, {@code COMMIT}, {@code SET
 * autocommit=1} around one SELECT (issue 15). That read is one statement, consistent by itself,
 * and the one write it may lead to (removing an expired session) is one DELETE whose attributes
 * go with it by cascade; so a read runs without a transaction ({@link #reading}), and every save
 * and delete still gets its own, as before.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreTransactions {

    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

    /** Runs a read of the session store without a transaction of its own. */
    static <T> T reading(Supplier<T> read) {
        if (READING.get() != null) {
            return read.get();
        }
        READING.set(Boolean.TRUE);
        try {
            return read.get();
        } finally {
            READING.remove();
        }
    }

    /** Spring Session's JDBC configuration takes the bean of this name (its qualifier) if there is one. */
    @Bean
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactionManager) {
        TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
        // What Spring Session uses when given nothing.
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) throws TransactionException {
                if (READING.get() != null) {
                    return action.doInTransaction(new SimpleTransactionStatus(false));
                }
                return ownTransaction.execute(action);
            }
        };
    }

    /**
     * The application's own template, as Spring Boot would make it: Boot makes one only when no
     * other {@link TransactionOperations} exists, and the session store's above is one.
     */
    @Bean
    @Primary
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }
}
