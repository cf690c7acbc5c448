-- Rate limits (Bucket4j's JDBC proxy manager), shared by every node: one row per limit and key.
-- The id is the SHA-256 of the limit's name and key, so its size is fixed whatever a client sends
-- (a 2 MB e-mail address is 64 characters here); expired rows are removed by a scheduled clean-up.
CREATE TABLE rate_limit_buckets (
    id         VARCHAR(64) NOT NULL,
    state      BLOB        NULL,
    expires_at BIGINT      NULL,
    PRIMARY KEY (id)
);

CREATE INDEX ix_rate_limit_buckets_expires ON rate_limit_buckets (expires_at);
