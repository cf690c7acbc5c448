-- The job board's search table (issue 5): one row per open listing, with what the board filters,
-- sorts and searches on. InnoDB's full-text search reads every matching row of its index, so over
-- job_listings a common word also matched the three quarters of listings that are closed or
-- expired; here only open listings are indexed. JobSearchIndex keeps it in step with job_listings
-- (post, edit, close, reopen, extend) and deletes rows once their listing has expired; the board's
-- query still checks expires_at, so a row that outlives its listing by a few minutes is never shown.
CREATE TABLE job_search (
    job_id           BIGINT       NOT NULL,
    title            VARCHAR(120) NOT NULL,
    production_title VARCHAR(120) NOT NULL,
    description      TEXT         NOT NULL,
    craft_mask       BIGINT       NOT NULL,
    location_city    VARCHAR(80)  NULL,
    location_country VARCHAR(80)  NULL,
    remote           BOOLEAN      NOT NULL,
    paid             BOOLEAN      NOT NULL,
    union_status     VARCHAR(16)  NOT NULL,
    start_date       DATE         NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    expires_at       DATETIME(6)  NOT NULL,
    closes_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (job_id),
    CONSTRAINT fk_job_search_job FOREIGN KEY (job_id) REFERENCES job_listings (id) ON DELETE CASCADE
);

CREATE INDEX ix_job_search_created ON job_search (created_at, job_id);
CREATE INDEX ix_job_search_closes ON job_search (closes_at, job_id);
CREATE INDEX ix_job_search_expires ON job_search (expires_at);
CREATE INDEX ix_job_search_city ON job_search (location_city);
CREATE INDEX ix_job_search_country ON job_search (location_country);

/* [jooq ignore start] */
CREATE FULLTEXT INDEX ft_job_search_text ON job_search (title, production_title, description);

-- The listings open now. craft_mask: bit n for the craft at position n of Craft (CraftTests pins the order).
INSERT INTO job_search (job_id, title, production_title, description, craft_mask, location_city, location_country,
                        remote, paid, union_status, start_date, created_at, expires_at, closes_at)
SELECT j.id, j.title, j.production_title, j.description,
       COALESCE((SELECT BIT_OR(1 << (FIND_IN_SET(c.craft, 'director,producer,writer,cinematographer,camera-operator,first-ac,second-ac,gaffer,key-grip,grip,electrician,production-designer,art-director,set-decorator,costume-designer,hair-makeup,sound-mixer,boom-operator,editor,assistant-editor,colorist,vfx-artist,motion-designer,composer,sound-designer,actor,casting-director,production-manager,assistant-director,script-supervisor,location-manager,production-assistant,other') - 1))
                   FROM job_listing_crafts c WHERE c.job_id = j.id), 0),
       j.location_city, j.location_country, j.remote, j.compensation = 'PAID', j.union_status, j.start_date,
       j.created_at, j.expires_at,
       LEAST(j.expires_at, COALESCE(TIMESTAMP(j.application_deadline, '23:59:59'), j.expires_at))
  FROM job_listings j
 WHERE j.status = 'OPEN' AND j.expires_at > UTC_TIMESTAMP(6);

-- The old index searched closed listings too; the board no longer uses it.
DROP INDEX ft_job_listings_text ON job_listings;
/* [jooq ignore stop] */
