-- The demo board moved its listings' posting times into the past on job_listings only, so
-- "Newest" (which reads job_search) disagreed with the dates shown. The search row follows the
-- listing.
UPDATE job_search
SET created_at = (SELECT l.created_at FROM job_listings l WHERE l.id = job_search.job_id)
WHERE EXISTS (
    SELECT 1 FROM job_listings l WHERE l.id = job_search.job_id AND l.created_at <> job_search.created_at
);
