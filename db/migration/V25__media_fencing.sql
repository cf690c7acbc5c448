-- Fencing (see TranscodeJobs): every claim, and every check of a remote job, gets a fresh token;
-- progress, heartbeat, finish and fail name it, so a worker that lost its claim (paused past the
-- abandonment time, its job handed to another) changes nothing.
ALTER TABLE transcode_jobs ADD COLUMN claim_token VARCHAR(36) NULL;

-- One PATCH at a time per upload (see MediaService.append): a lease, so a node that died while
-- receiving does not lock the upload for good.
ALTER TABLE media_assets ADD COLUMN patch_token VARCHAR(36) NULL;
ALTER TABLE media_assets ADD COLUMN patch_until DATETIME(6) NULL;
