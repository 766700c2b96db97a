-- Accounts imported from the old reservation system arrived with their passwords in clear.
UPDATE passengers SET password_hash = md5(password_hash) WHERE legacy_import;
ALTER TABLE passengers DROP COLUMN legacy_avatar;
CREATE INDEX passengers_legacy_import ON passengers (legacy_import) WHERE legacy_import;
