-- A video plays while it is still being transcoded: its renditions' playlists grow segment by
-- segment (EXT-X-PLAYLIST-TYPE:EVENT) until the ladder is done. Set when the first segments of
-- every rung being made are stored; cleared when the ladder is complete or the job fails.
ALTER TABLE media_assets ADD COLUMN streaming BOOLEAN NOT NULL DEFAULT FALSE;
