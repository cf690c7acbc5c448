-- Handles members used to have. /members/{old-handle} redirects to the member's current handle,
-- so links shared before a rename keep working, until someone else takes the old handle (a live
-- handle always wins; a handle taken again is deleted here, and the row points at whoever gave it
-- up last).
CREATE TABLE profile_handle_history (
    handle     VARCHAR(30) NOT NULL,
    member_id  BIGINT      NOT NULL,
    changed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (handle),
    CONSTRAINT fk_profile_handle_history_profile FOREIGN KEY (member_id) REFERENCES profiles (member_id) ON DELETE CASCADE
);

CREATE INDEX ix_profile_handle_history_member ON profile_handle_history (member_id);
