CREATE TABLE revoked_device_tokens (
    jti        TEXT PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);
ALTER TABLE telemetry DROP COLUMN received_at;
ALTER TABLE telemetry ADD COLUMN received TIMESTAMPTZ NOT NULL DEFAULT now();
