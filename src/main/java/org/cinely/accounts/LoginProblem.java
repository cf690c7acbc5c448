package org.cinely.accounts;

/** Why a log-in failed, handed to the log-in page rendered in the same response. */
record LoginProblem(String messageKey, String reason, String email) {

    static final String REQUEST_ATTRIBUTE = LoginProblem.class.getName();
}
