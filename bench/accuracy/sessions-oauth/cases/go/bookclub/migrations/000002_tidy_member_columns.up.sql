-- Avatars moved to object storage in 2023; salts are embedded in bcrypt hashes
-- since the rehash-on-login rollout finished.
ALTER TABLE members DROP COLUMN legacy_avatar;
ALTER TABLE members ALTER COLUMN country_code TYPE VARCHAR(2);
ALTER TABLE members DROP COLUMN password_salt;
ALTER TABLE members ADD COLUMN password_changed_at TIMESTAMPTZ;
