-- When members changed their handle (accounts owns handles). A handle is how others find and link
-- to a member, so it may change at most a few times a month (AccountService.HANDLE_CHANGES):
-- enough to fix a typo, not enough to hop between names.
CREATE TABLE account_handle_changes (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    member_id  BIGINT      NOT NULL,
    changed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_account_handle_changes_account FOREIGN KEY (member_id) REFERENCES accounts (id) ON DELETE CASCADE
);

CREATE INDEX ix_account_handle_changes_member ON account_handle_changes (member_id, changed_at);
