-- The directory's "newest activity first" walk for a search with a craft: a common word with a
-- rare craft ("shorts" among colorists) walked every listed profile newest first and tested the
-- craft bit and the words on each, about 3,000 rows for a page (25 ms of database time, issue 15).
-- Each craft row now carries its member's last_active_at, so the walk reads only that craft's
-- members, in the same order (about 125 rows for the same page).
ALTER TABLE profile_crafts ADD COLUMN last_active_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);

/* [jooq ignore start] */
UPDATE profile_crafts c JOIN profiles p ON p.member_id = c.member_id SET c.last_active_at = p.last_active_at;

-- Kept equal to profiles.last_active_at by the database itself, whichever path writes (the
-- activity tracker's update, the profile form through JPA's element collection, test data):
-- equal values are what make the craft walk list exactly what the profiles walk would.
CREATE TRIGGER tr_profile_crafts_recency_insert BEFORE INSERT ON profile_crafts FOR EACH ROW
    SET NEW.last_active_at = COALESCE(
            (SELECT p.last_active_at FROM profiles p WHERE p.member_id = NEW.member_id), NEW.last_active_at);

CREATE TRIGGER tr_profiles_recency_update AFTER UPDATE ON profiles FOR EACH ROW
    UPDATE profile_crafts SET last_active_at = NEW.last_active_at
     WHERE member_id = NEW.member_id AND last_active_at <> NEW.last_active_at;
/* [jooq ignore stop] */

CREATE INDEX ix_profile_crafts_recency ON profile_crafts (craft, last_active_at, member_id);
