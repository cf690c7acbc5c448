-- The dashboard's "reports resolved in the last 30 days" reads this index alone instead of the table.
CREATE INDEX ix_moderation_reports_resolved ON moderation_reports (resolved_at, created_at);
