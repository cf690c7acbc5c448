-- Moderation: a limited member's content reaches only their connections, and a suspension may
-- end on a date (the moderation module lifts it then). The full history of decisions lives in
-- the moderation module's tables; the account keeps only where the member stands now.
ALTER TABLE accounts
    ADD COLUMN limited         BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN suspended_until DATETIME(6) NULL;

CREATE INDEX ix_accounts_suspended_until ON accounts (suspended_until);

-- The admin dashboard counts members active in the last 7 and 30 days.
CREATE INDEX ix_accounts_last_login_at ON accounts (last_login_at);
