CREATE TABLE devices (
    id               TEXT PRIMARY KEY,
    label            TEXT,
    claim_code_hash  CHAR(64) UNIQUE,
    claimed_at       TIMESTAMPTZ,
    token_epoch      INTEGER NOT NULL DEFAULT 0,
    decommissioned   BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE device_refresh (
    token_hash CHAR(64) PRIMARY KEY,
    device_id  TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE operators (
    id                TEXT PRIMARY KEY,
    email             TEXT NOT NULL UNIQUE,
    password_hash     TEXT,
    invite_token_hash CHAR(64)
);

CREATE TABLE telemetry (
    id         BIGSERIAL PRIMARY KEY,
    device_id  TEXT NOT NULL REFERENCES devices(id),
    payload    JSONB NOT NULL,
    received   TIMESTAMPTZ NOT NULL DEFAULT now()
);
