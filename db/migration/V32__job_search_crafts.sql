-- The crafts of the listings in job_search (issue 5), one row per listing and craft, so a search
-- for a craft can read its open listings through (craft, job_id) instead of testing the craft bits
-- of every open listing. TextSearchPlanner takes this way when the search's words are common and
-- its crafts are not (an editor's remote commercial: 9 ms instead of 55 in JobSearchBenchmark).
-- JobSearchIndex writes the rows with the listing's job_search row; they go with it (cascade).
CREATE TABLE job_search_crafts (
    craft  VARCHAR(40) NOT NULL,
    job_id BIGINT      NOT NULL,
    PRIMARY KEY (craft, job_id),
    CONSTRAINT fk_job_search_crafts_search FOREIGN KEY (job_id) REFERENCES job_search (job_id) ON DELETE CASCADE
);

CREATE INDEX ix_job_search_crafts_job ON job_search_crafts (job_id);

/* [jooq ignore start] */
INSERT INTO job_search_crafts (craft, job_id)
SELECT c.craft, c.job_id
  FROM job_listing_crafts c
  JOIN job_search s ON s.job_id = c.job_id;
/* [jooq ignore stop] */
