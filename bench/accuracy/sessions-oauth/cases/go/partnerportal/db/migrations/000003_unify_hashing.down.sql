ALTER TABLE partners DROP COLUMN last_login_at;
ALTER TABLE partners ADD COLUMN salt TEXT;
