-- The admin dashboard counts applications per day over the last 30 days.
CREATE INDEX ix_job_applications_created ON job_applications (created_at);
