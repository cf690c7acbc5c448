-- The feed module (migrations V40-V49): activities, home timelines, notifications, their mail,
-- and the live-event log that carries updates to open pages on every node.

-- One row per thing that happened and may show in feeds. event_key makes a redelivered event
-- (the publication registry republishes after a restart; two nodes may both run a listener)
-- land once. subject_type/subject_id name what it is about, for the owning module's visibility
-- rule at read time and for retraction.
CREATE TABLE feed_activities (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    event_key        VARCHAR(120) NOT NULL,
    actor_id         BIGINT       NOT NULL,
    verb             VARCHAR(30)  NOT NULL,
    subject_type     VARCHAR(20)  NOT NULL,
    subject_id       BIGINT       NOT NULL,
    other_member_id  BIGINT       NULL,
    title            VARCHAR(200) NULL,
    created_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_feed_activities_event UNIQUE (event_key)
);

CREATE INDEX ix_feed_activities_actor ON feed_activities (actor_id, id);
CREATE INDEX ix_feed_activities_subject ON feed_activities (subject_type, subject_id);

-- Fan-out on write: each member's home timeline, newest first by activity id. A page is one
-- primary-key range scan (member_id = ? and activity_id < ?), whatever the member's network.
CREATE TABLE feed_timeline (
    member_id   BIGINT NOT NULL,
    activity_id BIGINT NOT NULL,
    PRIMARY KEY (member_id, activity_id)
);

CREATE INDEX ix_feed_timeline_activity ON feed_timeline (activity_id);

-- In-app notifications. (recipient_id, event_key) is unique: one notification per event and
-- recipient, however often the event arrives.
CREATE TABLE notifications (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    recipient_id  BIGINT       NOT NULL,
    event_key     VARCHAR(120) NOT NULL,
    kind          VARCHAR(40)  NOT NULL,
    actor_id      BIGINT       NULL,
    subject_type  VARCHAR(20)  NOT NULL,
    subject_id    BIGINT       NOT NULL,
    title         VARCHAR(200) NULL,
    link          VARCHAR(300) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    read_at       DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_notifications_event UNIQUE (recipient_id, event_key)
);

CREATE INDEX ix_notifications_recipient ON notifications (recipient_id, id);
CREATE INDEX ix_notifications_unread ON notifications (recipient_id, read_at);
CREATE INDEX ix_notifications_subject ON notifications (subject_type, subject_id);

-- A member's choice per kind of notification: e-mail at once (INSTANT), in a daily digest
-- (DAILY) or not at all (OFF). No row: the kind's default.
CREATE TABLE notification_preferences (
    member_id BIGINT      NOT NULL,
    kind      VARCHAR(40) NOT NULL,
    email     VARCHAR(10) NOT NULL,
    PRIMARY KEY (member_id, kind)
);

-- The durable outbox for notification e-mail: a row is written in the transaction that makes
-- the notification, and a sender sends it after commit, with retries; notification_id is unique,
-- so a notification is mailed once. state: PENDING -> SENDING -> SENT | FAILED.
CREATE TABLE notification_mail (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    notification_id BIGINT        NULL,
    recipient_id    BIGINT        NOT NULL,
    kind            VARCHAR(40)   NOT NULL,
    state           VARCHAR(10)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    not_before      DATETIME(6)   NOT NULL,
    last_error      VARCHAR(300)  NULL,
    created_at      DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_notification_mail_notification UNIQUE (notification_id)
);

CREATE INDEX ix_notification_mail_due ON notification_mail (state, not_before);

-- When each member's last daily digest went out (one digest a day, on any node).
CREATE TABLE notification_digests (
    member_id    BIGINT      NOT NULL,
    last_sent_at DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id)
);

-- Live updates for open pages: each node reads new rows (by id) and pushes them to the
-- browsers connected to it; a browser that reconnects with Last-Event-ID gets what it missed.
-- Rows are kept for a day.
CREATE TABLE live_events (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    member_id  BIGINT        NOT NULL,
    kind       VARCHAR(30)   NOT NULL,
    payload    VARCHAR(2000) NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX ix_live_events_member ON live_events (member_id, id);
CREATE INDEX ix_live_events_created ON live_events (created_at);

-- Keys the feed signs with (the one-click unsubscribe links in mail), made once on first use and
-- shared by every node.
CREATE TABLE feed_keys (
    name   VARCHAR(40)  NOT NULL,
    secret VARCHAR(100) NOT NULL,
    PRIMARY KEY (name)
);

-- Whether a notification may be mailed at all (a saved search's own "e-mail me" switch).
ALTER TABLE notifications ADD COLUMN mailable BOOLEAN NOT NULL DEFAULT TRUE;
