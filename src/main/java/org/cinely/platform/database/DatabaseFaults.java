package org.cinely.platform.database;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells the database being unreachable (restarting, failing over) from every other failure: work
 * that fails this way is not the member's fault nor a bug, so it waits and is tried again instead
 * of being refused or counted against a retry budget.
 */
public final class DatabaseFaults {

    private DatabaseFaults() {}

    /** Whether the failure, or any of its causes, is the database being unreachable. */
    public static boolean databaseAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof ConnectException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")
                    || t.getClass().getName().equals("com.mysql.cj.jdbc.exceptions.CommunicationsException")) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, in one line, for a log. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
