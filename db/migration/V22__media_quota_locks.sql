-- One row per member who has uploaded: creating an upload locks it (SELECT ... FOR UPDATE) so that
-- checking the member's quota and reserving the new upload's size happen as one step, also when
-- several uploads are announced at once on several nodes.
CREATE TABLE media_member_locks (
    owner_id BIGINT NOT NULL,
    PRIMARY KEY (owner_id)
);
