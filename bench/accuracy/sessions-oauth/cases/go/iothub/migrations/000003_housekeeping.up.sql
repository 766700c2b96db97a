-- Housekeeping before the TimescaleDB migration.
DROP TABLE revoked_device_tokens;
ALTER TABLE telemetry DROP COLUMN received;
ALTER TABLE telemetry ADD COLUMN received_at TIMESTAMPTZ NOT NULL DEFAULT now();
