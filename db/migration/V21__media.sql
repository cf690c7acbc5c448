-- Stored video (owned by the media module): one asset per uploaded file, from the first tus
-- byte to the finished HLS ladder. upload_token is the tus upload id (unguessable).
CREATE TABLE media_assets (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    owner_id         BIGINT       NOT NULL,
    target           VARCHAR(60)  NOT NULL,
    upload_token     CHAR(32)     NOT NULL,
    state            VARCHAR(20)  NOT NULL,
    upload_length    BIGINT       NOT NULL,
    upload_offset    BIGINT       NOT NULL DEFAULT 0,
    filename         VARCHAR(255) NULL,
    source_key       VARCHAR(200) NULL,
    duration_ms      BIGINT       NULL,
    width            INT          NULL,
    height           INT          NULL,
    video_codec      VARCHAR(30)  NULL,
    frame_rate       DOUBLE       NULL,
    has_audio        BOOLEAN      NOT NULL DEFAULT FALSE,
    renditions       VARCHAR(100) NULL,
    poster_key       VARCHAR(200) NULL,
    progress         INT          NOT NULL DEFAULT 0,
    failure_reason   VARCHAR(60)  NULL,
    stored_bytes     BIGINT       NOT NULL DEFAULT 0,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_media_assets_upload_token UNIQUE (upload_token)
);

CREATE INDEX ix_media_assets_owner ON media_assets (owner_id, state);

-- A transcode job: queued -> running -> ready | failed, retried with back-off (not_before).
-- A worker claims a queued row with SELECT ... FOR UPDATE SKIP LOCKED, so any number of nodes
-- can poll; heartbeat_at lets a restarted node re-queue a job whose worker died.
CREATE TABLE transcode_jobs (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    asset_id      BIGINT        NOT NULL,
    state         VARCHAR(20)   NOT NULL,
    attempts      INT           NOT NULL DEFAULT 0,
    not_before    DATETIME(6)   NOT NULL,
    transcoder    VARCHAR(20)   NULL,
    external_id   VARCHAR(100)  NULL,
    progress      INT           NOT NULL DEFAULT 0,
    last_error    VARCHAR(1000) NULL,
    claimed_by    VARCHAR(100)  NULL,
    heartbeat_at  DATETIME(6)   NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    finished_at   DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_transcode_jobs_asset FOREIGN KEY (asset_id) REFERENCES media_assets (id) ON DELETE CASCADE
);

CREATE INDEX ix_transcode_jobs_claim ON transcode_jobs (state, not_before);
CREATE INDEX ix_transcode_jobs_external ON transcode_jobs (transcoder, external_id);
