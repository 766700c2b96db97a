ALTER TABLE refresh_tokens DROP COLUMN IF EXISTS family_id;
ALTER TABLE passengers ADD COLUMN token_version INT NOT NULL DEFAULT 0;
CREATE TABLE revoked_tokens (
    jti         TEXT PRIMARY KEY,
    expires_at  TIMESTAMPTZ NOT NULL
);
