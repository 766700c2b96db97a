-- Clean-up after importing accounts from the old patient app (CLIN-455).
-- The avatar upload feature was removed in 1.5; the per-row salt predates the
-- switch to encoded hashes. Imported rows stored raw PINs prefixed with "raw:".

ALTER TABLE portal_account DROP COLUMN legacy_avatar;

ALTER TABLE portal_account DROP COLUMN password_salt;

ALTER TABLE portal_account ADD COLUMN last_login_at TIMESTAMPTZ;

UPDATE portal_account SET password_hash = md5(substring(password_hash FROM 5)) WHERE password_hash LIKE 'raw:%';

UPDATE portal_account
   SET password_changed_at = now()
 WHERE password_changed_at IS NULL;

-- Staging tables used by the one-off importer.
DROP TABLE IF EXISTS import_patient_stage;
DROP TABLE IF EXISTS import_account_stage;

CREATE TABLE import_audit (
    id           BIGSERIAL PRIMARY KEY,
    source_ref   VARCHAR(64) NOT NULL,
    account_id   BIGINT REFERENCES portal_account (id) ON DELETE SET NULL,
    outcome      VARCHAR(16) NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX import_audit_source_idx ON import_audit (source_ref);

COMMENT ON TABLE import_audit IS 'One row per account handled by the importer';
