-- Moderation: reports from members, grouped into one case per reported item; the decisions
-- moderators take (every one kept: the member's full history); appeals against them; the
-- append-only, hash-chained audit log of every moderator and admin action; settings.

-- One case per reported (or held) item while it is open: open_key is '<kind>:<id>' while open and
-- NULL once closed, so the unique index allows one open case per item and any number of closed ones.
CREATE TABLE moderation_cases (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    target_kind  VARCHAR(16)  NOT NULL,
    target_id    BIGINT       NOT NULL,
    author_id    BIGINT       NULL,
    reason       VARCHAR(16)  NOT NULL,            -- REPORTED or HELD (a new member's first item)
    open_key     VARCHAR(40)  NULL,
    opened_at    DATETIME(6)  NOT NULL,
    assigned_to  BIGINT       NULL,
    assigned_at  DATETIME(6)  NULL,
    closed_at    DATETIME(6)  NULL,
    closed_by    BIGINT       NULL,
    decision_id  BIGINT       NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_moderation_cases_open UNIQUE (open_key)
);

CREATE INDEX ix_moderation_cases_queue ON moderation_cases (closed_at, opened_at);
CREATE INDEX ix_moderation_cases_author ON moderation_cases (author_id, opened_at);
CREATE INDEX ix_moderation_cases_closed ON moderation_cases (closed_at);

-- open_key is '<reporter>:<kind>:<id>' while the report is open: one open report per member per item.
CREATE TABLE moderation_reports (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    case_id      BIGINT        NOT NULL,
    reporter_id  BIGINT        NOT NULL,
    target_kind  VARCHAR(16)   NOT NULL,
    target_id    BIGINT        NOT NULL,
    category     VARCHAR(24)   NOT NULL,
    note         VARCHAR(1000) NULL,
    created_at   DATETIME(6)   NOT NULL,
    resolved_at  DATETIME(6)   NULL,
    open_key     VARCHAR(60)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_moderation_reports_open UNIQUE (open_key),
    CONSTRAINT fk_moderation_reports_case FOREIGN KEY (case_id) REFERENCES moderation_cases (id)
);

CREATE INDEX ix_moderation_reports_reporter ON moderation_reports (reporter_id, created_at);
CREATE INDEX ix_moderation_reports_created ON moderation_reports (created_at);

-- Every decision about a member or their content, with the statement of reasons they are shown.
CREATE TABLE moderation_decisions (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    member_id    BIGINT        NOT NULL,
    case_id      BIGINT        NULL,
    action       VARCHAR(16)   NOT NULL,
    target_kind  VARCHAR(16)   NULL,
    target_id    BIGINT        NULL,
    rule_broken  VARCHAR(24)   NULL,
    reason       VARCHAR(1000) NOT NULL,             -- for moderators
    statement    VARCHAR(2000) NOT NULL,             -- shown to the member
    ends_at      DATETIME(6)   NULL,
    decided_by   BIGINT        NULL,                 -- NULL: the system (a suspension running out)
    decided_at   DATETIME(6)   NOT NULL,
    reversed_at  DATETIME(6)   NULL,
    PRIMARY KEY (id)
);

CREATE INDEX ix_moderation_decisions_member ON moderation_decisions (member_id, decided_at);
CREATE INDEX ix_moderation_decisions_target ON moderation_decisions (target_kind, target_id);

CREATE TABLE moderation_appeals (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    decision_id  BIGINT        NOT NULL,
    member_id    BIGINT        NOT NULL,
    message      VARCHAR(2000) NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    status       VARCHAR(16)   NOT NULL,             -- PENDING, APPROVED, REJECTED
    reply        VARCHAR(2000) NULL,
    decided_by   BIGINT        NULL,
    decided_at   DATETIME(6)   NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_moderation_appeals_decision UNIQUE (decision_id)
);

CREATE INDEX ix_moderation_appeals_status ON moderation_appeals (status, created_at);

-- Append-only: each entry carries the SHA-256 of the previous entry's hash and its own fields,
-- so a changed or deleted row breaks the chain. audit_head holds the last hash, locked while an
-- entry is added, so entries from several nodes chain one after another.
CREATE TABLE audit_log (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    at         DATETIME(6)   NOT NULL,
    actor_id   BIGINT        NULL,
    action     VARCHAR(40)   NOT NULL,
    target     VARCHAR(60)   NULL,
    reason     VARCHAR(1000) NULL,
    details    VARCHAR(2000) NULL,
    prev_hash  CHAR(64)      NOT NULL,
    hash       CHAR(64)      NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX ix_audit_log_at ON audit_log (at);

CREATE TABLE audit_head (
    id        INT       NOT NULL,
    last_id   BIGINT    NOT NULL,
    last_hash CHAR(64)  NOT NULL,
    entries   BIGINT    NOT NULL,
    PRIMARY KEY (id)
);

INSERT INTO audit_head (id, last_id, last_hash, entries)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);

CREATE TABLE moderation_settings (
    name   VARCHAR(40)  NOT NULL,
    value  VARCHAR(200) NOT NULL,
    PRIMARY KEY (name)
);
