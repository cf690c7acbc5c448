-- The demo board moved its listings' posting times into the past on job_listings only, so
-- "Newest" (which reads job_search) disagreed with the dates shown. The search row follows the
-- listing.
UPDATE job_search s
JOIN job_listings l ON l.id = s.job_id
SET s.created_at = l.created_at
WHERE s.created_at <> l.created_at;
