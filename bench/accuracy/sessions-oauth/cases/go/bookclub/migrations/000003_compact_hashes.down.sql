DROP INDEX IF EXISTS members_created_at_idx;
ALTER TABLE members ALTER COLUMN password_hash TYPE VARCHAR(255);
