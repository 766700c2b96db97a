-- Store hashes as text so they can be exported to the analytics warehouse.
ALTER TABLE users ALTER COLUMN password_hash TYPE VARCHAR(59) USING convert_from(password_hash, 'UTF8');
ALTER TABLE users ALTER COLUMN display_name TYPE VARCHAR(50);
