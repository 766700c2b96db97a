ALTER TABLE users ALTER COLUMN display_name TYPE VARCHAR(120);
ALTER TABLE users ALTER COLUMN password_hash TYPE BYTEA USING convert_to(password_hash, 'UTF8');
