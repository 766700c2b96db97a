CREATE TABLE partner_remember (
    partner_id   BIGINT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    token_sha256 CHAR(64) PRIMARY KEY,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE partner_api_keys (
    partner_id BIGINT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    key_sha256 CHAR(64) PRIMARY KEY
);

CREATE TABLE partner_connections (
    partner_id    BIGINT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    provider      TEXT NOT NULL,
    access_token  BYTEA NOT NULL,
    refresh_token BYTEA,
    expires_at    TIMESTAMPTZ,
    PRIMARY KEY (partner_id, provider)
);

-- Salesforce import: partners created by the CRM sync get a truncated hash.
ALTER TABLE partners ALTER COLUMN password_hash TYPE CHAR(32) USING left(password_hash, 32);
