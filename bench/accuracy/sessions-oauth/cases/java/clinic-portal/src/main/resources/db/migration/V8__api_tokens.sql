-- Tokens issued to partner integrations for the FHIR API.
CREATE TABLE api_token_denylist (
    jti         VARCHAR(64) PRIMARY KEY,
    revoked_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ NOT NULL
);

ALTER TABLE staff_user ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;

ALTER TABLE staff_user ALTER COLUMN badge_pin_hash TYPE varchar(255);
