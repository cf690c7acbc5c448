-- "Your data is yours" (issue 17): changing the e-mail address, and deleting the account.
-- A change of address is a single-use link like the others; the address it confirms travels
-- with the token, so nothing changes on the account until the new inbox proves it is read.
ALTER TABLE account_tokens
    ADD COLUMN new_email VARCHAR(254) NULL;

-- Deleting an account: asked for at deletion_requested_at, erased by a scheduled task once
-- deletion_due_at has passed (a 14-day grace period in which logging in may cancel it). An
-- erased account stays as an anonymised row (erased_at set) so that what others keep about it
-- (moderation decisions, the audit log) points to "a deleted member" and not to nothing.
ALTER TABLE accounts
    ADD COLUMN deletion_requested_at DATETIME(6) NULL,
    ADD COLUMN deletion_due_at       DATETIME(6) NULL,
    ADD COLUMN erased_at             DATETIME(6) NULL;

CREATE INDEX ix_accounts_deletion_due_at ON accounts (deletion_due_at);
