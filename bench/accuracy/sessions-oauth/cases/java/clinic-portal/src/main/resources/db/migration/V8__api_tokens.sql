-- Tokens issued to partner integrations for the FHIR API (CLIN-470).

CREATE TABLE partner_integration (
    id            BIGSERIAL PRIMARY KEY,
    name          VARCHAR(120) NOT NULL,
    contact_email VARCHAR(254) NOT NULL,
    scopes        VARCHAR(255) NOT NULL DEFAULT 'patient.read',
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE api_token_denylist (
    jti         VARCHAR(64) PRIMARY KEY,
    revoked_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX api_token_denylist_expiry_idx ON api_token_denylist (expires_at);

ALTER TABLE staff_user ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;

ALTER TABLE staff_user ALTER COLUMN badge_pin_hash TYPE varchar(255);

CREATE TABLE partner_audit (
    id              BIGSERIAL PRIMARY KEY,
    integration_id  BIGINT      NOT NULL REFERENCES partner_integration (id),
    resource_type   VARCHAR(40) NOT NULL,
    resource_id     VARCHAR(64) NOT NULL,
    accessed_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX partner_audit_integration_idx ON partner_audit (integration_id, accessed_at);
