-- Shared work (owned by the works module): a video with its details, credits, likes, comments.
-- media_asset_id points at the media module's asset (no foreign key across modules).
CREATE TABLE works (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    owner_id        BIGINT        NOT NULL,
    title           VARCHAR(120)  NOT NULL,
    description     VARCHAR(4000) NULL,
    production_type VARCHAR(20)   NOT NULL,
    production_year INT           NULL,
    tags            VARCHAR(300)  NULL,
    visibility      VARCHAR(20)   NOT NULL,
    media_asset_id  BIGINT        NULL,
    playable        BOOLEAN       NOT NULL DEFAULT FALSE,
    published_at    DATETIME(6)   NULL,
    like_count      INT           NOT NULL DEFAULT 0,
    comment_count   INT           NOT NULL DEFAULT 0,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_works_media_asset UNIQUE (media_asset_id)
);

CREATE INDEX ix_works_owner ON works (owner_id, created_at);
CREATE INDEX ix_works_browse ON works (visibility, playable, published_at);

-- A member credited on a work with their craft; the member confirms (or removes) it.
CREATE TABLE work_credits (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    work_id    BIGINT      NOT NULL,
    member_id  BIGINT      NOT NULL,
    craft      VARCHAR(40) NOT NULL,
    confirmed  BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_work_credits UNIQUE (work_id, member_id, craft),
    CONSTRAINT fk_work_credits_work FOREIGN KEY (work_id) REFERENCES works (id) ON DELETE CASCADE
);

CREATE INDEX ix_work_credits_member ON work_credits (member_id, confirmed);
CREATE INDEX ix_work_credits_craft ON work_credits (craft, work_id);

CREATE TABLE work_likes (
    work_id    BIGINT      NOT NULL,
    member_id  BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (work_id, member_id),
    CONSTRAINT fk_work_likes_work FOREIGN KEY (work_id) REFERENCES works (id) ON DELETE CASCADE
);

CREATE TABLE work_comments (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    work_id    BIGINT        NOT NULL,
    author_id  BIGINT        NOT NULL,
    body       VARCHAR(2000) NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    edited_at  DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_work_comments_work FOREIGN KEY (work_id) REFERENCES works (id) ON DELETE CASCADE
);

CREATE INDEX ix_work_comments_work ON work_comments (work_id, created_at);
