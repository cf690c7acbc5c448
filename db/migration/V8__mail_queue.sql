-- The durable mail outbox: every mail is a row written in the transaction that decided to send it
-- (a sign-up, a reset request, a notification's turn), and goes out after commit, from a sender
-- that claims rows (any node), retries with back-off, and empties the body once it is sent (links
-- in it are credentials). A stable Message-ID per row lets a receiver drop the rare resend after a
-- crash between the server taking the mail and the row being marked.
CREATE TABLE mail_queue (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    recipient       VARCHAR(254)  NOT NULL,
    subject         VARCHAR(200)  NOT NULL,
    body            MEDIUMTEXT    NOT NULL,
    headers         VARCHAR(2000) NULL,
    state           VARCHAR(10)   NOT NULL, -- QUEUED, SENDING, SENT, FAILED
    attempts        INT           NOT NULL DEFAULT 0,
    not_before      DATETIME(6)   NOT NULL,
    last_error      VARCHAR(300)  NULL,
    created_at      DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6)   NULL,
    PRIMARY KEY (id)
);

CREATE INDEX ix_mail_queue_due ON mail_queue (state, not_before);
