-- Pending connection requests. pair_low/pair_high (the two member ids, smaller first) are unique,
-- so two members can never have two open requests between them: when both ask at the same
-- moment, the second insert fails and is turned into an accepted connection.
CREATE TABLE connection_requests (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    requester_id BIGINT       NOT NULL,
    recipient_id BIGINT       NOT NULL,
    pair_low     BIGINT       NOT NULL,
    pair_high    BIGINT       NOT NULL,
    note         VARCHAR(300) NULL,
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_connection_requests_pair UNIQUE (pair_low, pair_high)
);

CREATE INDEX ix_connection_requests_recipient ON connection_requests (recipient_id, created_at);
CREATE INDEX ix_connection_requests_requester ON connection_requests (requester_id, created_at);

-- The connection graph, one row per direction (A-B is stored as A->B and B->A), so "my
-- connections" and "their connections" are both a primary-key range scan.
CREATE TABLE connections (
    member_id  BIGINT      NOT NULL,
    other_id   BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id, other_id)
);

-- Blocks: blocker_id blocked blocked_id.
CREATE TABLE member_blocks (
    blocker_id BIGINT      NOT NULL,
    blocked_id BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);

CREATE INDEX ix_member_blocks_blocked ON member_blocks (blocked_id, blocker_id);

-- "People you may know" a member dismissed; they are not suggested again.
CREATE TABLE suggestion_dismissals (
    member_id    BIGINT      NOT NULL,
    dismissed_id BIGINT      NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id, dismissed_id)
);
