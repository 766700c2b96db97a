ALTER TABLE staff ADD COLUMN nickname TEXT;
ALTER TABLE staff ADD COLUMN password_salt BYTEA;
