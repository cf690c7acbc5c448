-- Moderation of job listings (issue 13): the listing's moderation state and a copy of its
-- poster's standing, set by the moderation module through JobsContentModeration in the
-- decision's transaction. Only a visible listing of a poster in good standing is on the board:
-- JobSearchIndex keeps the others out of job_search, so the board's queries need no new condition.
ALTER TABLE job_listings
    ADD COLUMN moderation_state VARCHAR(16) NOT NULL DEFAULT 'VISIBLE',
    ADD COLUMN poster_standing  VARCHAR(16) NOT NULL DEFAULT 'ACTIVE';
