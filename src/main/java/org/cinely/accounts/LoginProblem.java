package org.cinely.accounts;

import java.io.Serializable;

/** Why the last log-in failed, kept in the session for the next rendering of /login. */
record LoginProblem(String messageKey, String reason, String email) implements Serializable {

    static final String SESSION_ATTRIBUTE = LoginProblem.class.getName();
}
