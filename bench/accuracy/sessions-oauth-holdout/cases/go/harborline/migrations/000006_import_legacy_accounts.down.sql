DROP INDEX IF EXISTS passengers_legacy_import;
ALTER TABLE passengers ADD COLUMN legacy_avatar BYTEA;
