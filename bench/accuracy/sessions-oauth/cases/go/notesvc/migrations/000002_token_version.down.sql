ALTER TABLE refresh_tokens DROP COLUMN last_used_at;
ALTER TABLE users DROP COLUMN token_version;
