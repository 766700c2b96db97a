-- The avatar upload feature was removed in 1.5; the per-row salt predates the
-- switch to encoded hashes.
ALTER TABLE portal_account DROP COLUMN legacy_avatar;

ALTER TABLE portal_account DROP COLUMN password_salt;

ALTER TABLE portal_account ADD COLUMN last_login_at TIMESTAMPTZ;
