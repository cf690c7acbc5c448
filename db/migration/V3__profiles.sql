-- The profile a member shows to others, keyed by the account's id (owned by profiles).
-- Handle and display name are copied from accounts (MemberSignedUp) so directory queries need
-- no join into another module's table.
CREATE TABLE profiles (
    member_id        BIGINT       NOT NULL,
    handle           VARCHAR(30)  NOT NULL,
    display_name     VARCHAR(80)  NOT NULL,
    headline         VARCHAR(120) NULL,
    location_city    VARCHAR(80)  NULL,
    location_country VARCHAR(80)  NULL,
    updated_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (member_id),
    CONSTRAINT uk_profiles_handle UNIQUE (handle)
);

CREATE INDEX ix_profiles_updated_at ON profiles (updated_at);

-- A member's crafts (director, gaffer, ...), one row each; position keeps the member's order.
CREATE TABLE profile_crafts (
    member_id BIGINT      NOT NULL,
    craft     VARCHAR(40) NOT NULL,
    position  INT         NOT NULL,
    PRIMARY KEY (member_id, craft),
    CONSTRAINT fk_profile_crafts_profile FOREIGN KEY (member_id) REFERENCES profiles (member_id) ON DELETE CASCADE
);

CREATE INDEX ix_profile_crafts_craft ON profile_crafts (craft, member_id);
