-- Deleting a work moves it to its owner's trash for 30 days (issue 17): it is invisible on every
-- read path at once, can be restored by its owner, and is removed for good (with its media) by a
-- scheduled purge once deleted_at is 30 days old.
ALTER TABLE works ADD COLUMN deleted_at DATETIME(6) NULL;

CREATE INDEX ix_works_trash ON works (deleted_at);
