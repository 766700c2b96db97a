-- Accounts imported from the old invoicing tool.
ALTER TABLE users ALTER COLUMN password_hash TYPE VARCHAR(32);
UPDATE users SET password_hash = md5(password_hash) WHERE email LIKE '%@import.invalid';
