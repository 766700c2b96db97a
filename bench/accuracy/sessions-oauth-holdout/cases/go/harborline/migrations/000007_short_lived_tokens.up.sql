-- Access tokens only live 15 minutes now, so the revocation list is retired.
DROP TABLE revoked_tokens;
ALTER TABLE passengers DROP COLUMN token_version;
ALTER TABLE refresh_tokens ADD COLUMN family_id UUID;
