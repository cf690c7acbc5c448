-- Moderation of profiles (issue 13): the profile's moderation state and a copy of its member's
-- standing, set by the moderation module through ProfilesContentModeration in the decision's
-- transaction. "listed" (V12) now follows from both: visible and in good standing. The
-- directory, suggestions and cards keep filtering on it (and its indexes) alone.
ALTER TABLE profiles
    ADD COLUMN moderation_state VARCHAR(16) NOT NULL DEFAULT 'VISIBLE',
    ADD COLUMN standing         VARCHAR(16) NOT NULL DEFAULT 'ACTIVE';

-- Until now "listed" was false exactly for suspended or banned accounts.
UPDATE profiles SET standing = 'SUSPENDED' WHERE listed = FALSE;
