-- The rest of a member's profile (issue 3): bio, availability, day rate, links, visibility,
-- avatar and when the member was last active (the directory's second sort key).
ALTER TABLE profiles ADD COLUMN bio VARCHAR(2000) NULL;
ALTER TABLE profiles ADD COLUMN availability VARCHAR(16) NULL;
ALTER TABLE profiles ADD COLUMN busy_until DATE NULL;
ALTER TABLE profiles ADD COLUMN day_rate INT NULL;
ALTER TABLE profiles ADD COLUMN day_rate_currency CHAR(3) NULL;
ALTER TABLE profiles ADD COLUMN website_url VARCHAR(300) NULL;
ALTER TABLE profiles ADD COLUMN imdb_url VARCHAR(300) NULL;
ALTER TABLE profiles ADD COLUMN vimeo_url VARCHAR(300) NULL;
ALTER TABLE profiles ADD COLUMN youtube_url VARCHAR(300) NULL;
ALTER TABLE profiles ADD COLUMN instagram_url VARCHAR(300) NULL;
ALTER TABLE profiles ADD COLUMN visibility VARCHAR(16) NOT NULL DEFAULT 'PUBLIC';
ALTER TABLE profiles ADD COLUMN avatar_version BIGINT NULL;
ALTER TABLE profiles ADD COLUMN last_active_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);

UPDATE profiles SET last_active_at = updated_at;

CREATE INDEX ix_profiles_last_active ON profiles (last_active_at, member_id);
CREATE INDEX ix_profiles_city ON profiles (location_city);
CREATE INDEX ix_profiles_country ON profiles (location_country);

-- Words in name, handle, headline and bio, for the directory's text search (MATCH ... AGAINST
-- in boolean mode). jOOQ's DDL parser does not know FULLTEXT, so it skips this statement.
/* [jooq ignore start] */
CREATE FULLTEXT INDEX ft_profiles_text ON profiles (display_name, handle, headline, bio);
/* [jooq ignore stop] */

-- A member's filmography. title_key is the title lower-cased with spaces collapsed, so that
-- "people you may know" can find members who share a credit (same production and year).
CREATE TABLE profile_credits (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    member_id       BIGINT       NOT NULL,
    title           VARCHAR(150) NOT NULL,
    title_key       VARCHAR(150) NOT NULL,
    release_year    INT          NOT NULL,
    production_type VARCHAR(20)  NOT NULL,
    craft           VARCHAR(40)  NOT NULL,
    work_id         BIGINT       NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_profile_credits_profile FOREIGN KEY (member_id) REFERENCES profiles (member_id) ON DELETE CASCADE
);

CREATE INDEX ix_profile_credits_member ON profile_credits (member_id, release_year);
CREATE INDEX ix_profile_credits_title ON profile_credits (title_key, release_year, member_id);

-- Avatars, re-encoded (no metadata) and resized; in the database so every app node serves them.
CREATE TABLE profile_avatars (
    member_id    BIGINT      NOT NULL,
    content_type VARCHAR(40) NOT NULL,
    image        MEDIUMBLOB  NOT NULL,
    updated_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id),
    CONSTRAINT fk_profile_avatars_profile FOREIGN KEY (member_id) REFERENCES profiles (member_id) ON DELETE CASCADE
);
