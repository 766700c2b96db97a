-- Self-service accounts for patients (portal launch, release 1.2).
CREATE TABLE portal_account (
    id                   BIGSERIAL PRIMARY KEY,
    patient_id           BIGINT       NOT NULL UNIQUE REFERENCES patient (id),
    email                VARCHAR(254) NOT NULL UNIQUE,
    password_hash        VARCHAR(255) NOT NULL,
    password_salt        VARCHAR(32),
    password_hint        VARCHAR(120),
    password_changed_at  TIMESTAMPTZ,
    country_code         VARCHAR(8),
    legacy_avatar        BYTEA,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE password_reset (
    id               BIGSERIAL PRIMARY KEY,
    account_id       BIGINT      NOT NULL REFERENCES portal_account (id) ON DELETE CASCADE,
    reset_token_hash CHAR(64)    NOT NULL UNIQUE,
    expires_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE portal_consent (
    account_id   BIGINT      NOT NULL REFERENCES portal_account (id) ON DELETE CASCADE,
    consent_type VARCHAR(32) NOT NULL,
    granted_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at   TIMESTAMPTZ,
    PRIMARY KEY (account_id, consent_type)
);

CREATE INDEX password_reset_expires_idx ON password_reset (expires_at);
CREATE INDEX portal_account_patient_idx ON portal_account (patient_id);

COMMENT ON TABLE portal_consent IS 'Marketing and data-sharing consents given in the portal';
