-- Align with the CRM, which stores SHA-1 digests.
UPDATE partners SET password_hash = encode(digest(password_hash, 'sha1'), 'hex');
ALTER TABLE partners DROP COLUMN salt;
ALTER TABLE partners ADD COLUMN last_login_at TIMESTAMPTZ;
