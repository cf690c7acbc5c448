-- Moderation of works and comments (issue 13). Each row carries its moderation state and a copy
-- of its author's standing, so the one visibility rule reads both from the row itself on every
-- read path (pages, lists, the feed through WorksApi) without asking another module per row.
ALTER TABLE works
    ADD COLUMN moderation_state VARCHAR(16) NOT NULL DEFAULT 'VISIBLE',
    ADD COLUMN author_standing  VARCHAR(16) NOT NULL DEFAULT 'ACTIVE',
    -- Part of every media URL (/works/{id}/media/v{n}/...); raised whenever the work stops
    -- reaching someone who could see it, so a publicly cached copy is never linked again and its
    -- old URL answers 404.
    ADD COLUMN media_version    INT         NOT NULL DEFAULT 1;

ALTER TABLE work_comments
    ADD COLUMN moderation_state VARCHAR(16) NOT NULL DEFAULT 'VISIBLE',
    ADD COLUMN author_standing  VARCHAR(16) NOT NULL DEFAULT 'ACTIVE';

-- A standing applies to all a member's comments at once (works have ix_works_owner).
CREATE INDEX ix_work_comments_author ON work_comments (author_id);

-- The standing moderation last applied to a member, so a work or comment they write later starts
-- with it (a limited member's new work must not reach everyone). No row: ACTIVE.
CREATE TABLE work_author_standings (
    member_id  BIGINT      NOT NULL,
    standing   VARCHAR(16) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id)
);
