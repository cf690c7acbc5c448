-- Job listings (owned by jobs). A listing is open while status = 'OPEN' and expires_at is in the
-- future; "expired" is derived from expires_at, so no scheduled job has to flip it.
CREATE TABLE job_listings (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    poster_id            BIGINT        NOT NULL,
    title                VARCHAR(120)  NOT NULL,
    production_title     VARCHAR(120)  NOT NULL,
    production_type      VARCHAR(24)   NOT NULL,
    company              VARCHAR(120)  NOT NULL,
    location_city        VARCHAR(80)   NULL,
    location_country     VARCHAR(80)   NULL,
    remote               BOOLEAN       NOT NULL,
    start_date           DATE          NOT NULL,
    end_date             DATE          NULL,
    compensation         VARCHAR(16)   NOT NULL,
    pay_amount           DECIMAL(12,2) NULL,
    pay_unit             VARCHAR(8)    NULL,
    pay_currency         CHAR(3)       NULL,
    union_status         VARCHAR(16)   NOT NULL,
    description          TEXT          NOT NULL,
    wants_reel           BOOLEAN       NOT NULL,
    wants_credits        BOOLEAN       NOT NULL,
    wants_cover_note     BOOLEAN       NOT NULL,
    application_deadline DATE          NULL,
    status               VARCHAR(8)    NOT NULL,
    created_at           DATETIME(6)   NOT NULL,
    updated_at           DATETIME(6)   NOT NULL,
    expires_at           DATETIME(6)   NOT NULL,
    closed_at            DATETIME(6)   NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
);

-- The board lists open listings newest first or closing soonest.
CREATE INDEX ix_job_listings_open_created ON job_listings (status, created_at);
CREATE INDEX ix_job_listings_open_expires ON job_listings (status, expires_at);
CREATE INDEX ix_job_listings_poster ON job_listings (poster_id, created_at);

/* [jooq ignore start] */
CREATE FULLTEXT INDEX ft_job_listings_text ON job_listings (title, production_title, description);
/* [jooq ignore stop] */

-- The crafts a listing looks for; one row each, the board filters on them.
CREATE TABLE job_listing_crafts (
    job_id   BIGINT      NOT NULL,
    craft    VARCHAR(40) NOT NULL,
    position INT         NOT NULL,
    PRIMARY KEY (job_id, craft),
    CONSTRAINT fk_job_listing_crafts_job FOREIGN KEY (job_id) REFERENCES job_listings (id) ON DELETE CASCADE
);

CREATE INDEX ix_job_listing_crafts_craft ON job_listing_crafts (craft, job_id);

-- One application per member per listing. The applicant's name, headline and crafts are copied
-- at the time of applying (what the poster judged), so the applicant list needs no join into
-- another module's tables; work_count says whether a reel was attached.
CREATE TABLE job_applications (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    job_id             BIGINT        NOT NULL,
    applicant_id       BIGINT        NOT NULL,
    applicant_handle   VARCHAR(30)   NOT NULL,
    applicant_name     VARCHAR(80)   NOT NULL,
    applicant_headline VARCHAR(120)  NULL,
    applicant_crafts   VARCHAR(800)  NOT NULL,
    cover_note         TEXT          NOT NULL,
    work_count         INT           NOT NULL,
    status             VARCHAR(12)   NOT NULL,
    poster_note        TEXT          NULL,
    created_at         DATETIME(6)   NOT NULL,
    updated_at         DATETIME(6)   NOT NULL,
    decided_at         DATETIME(6)   NULL,
    version            BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_job_applications_job_applicant UNIQUE (job_id, applicant_id),
    CONSTRAINT fk_job_applications_job FOREIGN KEY (job_id) REFERENCES job_listings (id) ON DELETE CASCADE
);

CREATE INDEX ix_job_applications_applicant ON job_applications (applicant_id, created_at);
CREATE INDEX ix_job_applications_job_status ON job_applications (job_id, status, created_at);

-- The works (ids owned by the works module) an applicant chose to show, in their order.
CREATE TABLE job_application_works (
    application_id BIGINT NOT NULL,
    work_id        BIGINT NOT NULL,
    position       INT    NOT NULL,
    PRIMARY KEY (application_id, work_id),
    CONSTRAINT fk_job_application_works_application FOREIGN KEY (application_id) REFERENCES job_applications (id) ON DELETE CASCADE
);

-- A member's saved board search; the criteria are the board's own query string.
CREATE TABLE job_saved_searches (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    member_id    BIGINT       NOT NULL,
    name         VARCHAR(80)  NOT NULL,
    query        VARCHAR(1000) NOT NULL,
    email_alerts BOOLEAN      NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX ix_job_saved_searches_member ON job_saved_searches (member_id, created_at);

-- New listings that matched a saved search; seen_at is set when the member marks them seen.
CREATE TABLE job_saved_search_matches (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    saved_search_id BIGINT      NOT NULL,
    job_id          BIGINT      NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    seen_at         DATETIME(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_job_saved_search_matches UNIQUE (saved_search_id, job_id),
    CONSTRAINT fk_job_saved_search_matches_search FOREIGN KEY (saved_search_id) REFERENCES job_saved_searches (id) ON DELETE CASCADE,
    CONSTRAINT fk_job_saved_search_matches_job FOREIGN KEY (job_id) REFERENCES job_listings (id) ON DELETE CASCADE
);
