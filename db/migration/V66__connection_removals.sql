-- A removed connection can be put back by the member who removed it, without a new request, for
-- 30 days (issue 17's undo): what was removed, and since when the two were connected, so the
-- restored connection keeps its date. One row per remover and other; rows older than 30 days are
-- deleted by a scheduled task, and a block between the two deletes them at once.
CREATE TABLE connection_removals (
    remover_id   BIGINT      NOT NULL,
    other_id     BIGINT      NOT NULL,
    connected_at DATETIME(6) NOT NULL,
    removed_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (remover_id, other_id)
);

CREATE INDEX ix_connection_removals_removed ON connection_removals (removed_at);
