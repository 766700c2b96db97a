ALTER TABLE members DROP COLUMN password_changed_at;
ALTER TABLE members ADD COLUMN password_salt VARCHAR(64);
ALTER TABLE members ALTER COLUMN country_code TYPE VARCHAR(8);
ALTER TABLE members ADD COLUMN legacy_avatar TEXT;
