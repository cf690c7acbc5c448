-- The admin dashboard counts uploads per day and assets by state.
CREATE INDEX ix_media_assets_created ON media_assets (created_at);
CREATE INDEX ix_media_assets_state ON media_assets (state);
