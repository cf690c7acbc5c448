-- Member accounts: identity (e-mail, handle, display name), credentials, role and state.
-- E-mail is stored lower-cased so uniqueness is case-insensitive on every collation.
CREATE TABLE accounts (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    email             VARCHAR(254) NOT NULL,
    handle            VARCHAR(30)  NOT NULL,
    display_name      VARCHAR(80)  NOT NULL,
    password_hash     VARCHAR(255) NOT NULL,
    role              VARCHAR(16)  NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    state_reason      VARCHAR(500) NULL,
    email_verified_at DATETIME(6)  NULL,
    created_at        DATETIME(6)  NOT NULL,
    last_login_at     DATETIME(6)  NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_accounts_email UNIQUE (email),
    CONSTRAINT uk_accounts_handle UNIQUE (handle)
);

CREATE INDEX ix_accounts_created_at ON accounts (created_at);

-- Single-use links sent by e-mail (verification, password reset). Only a SHA-256 hash of the
-- token is stored, so a database leak does not hand out working links.
CREATE TABLE account_tokens (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    account_id  BIGINT      NOT NULL,
    purpose     VARCHAR(32) NOT NULL,
    token_hash  CHAR(64)    NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    used_at     DATETIME(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_account_tokens_hash UNIQUE (token_hash),
    CONSTRAINT fk_account_tokens_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);

-- Spring Security's persistent remember-me tokens (JdbcTokenRepositoryImpl).
CREATE TABLE persistent_logins (
    username  VARCHAR(254) NOT NULL,
    series    VARCHAR(64)  NOT NULL,
    token     VARCHAR(64)  NOT NULL,
    last_used TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (series)
);

CREATE INDEX ix_persistent_logins_username ON persistent_logins (username);
