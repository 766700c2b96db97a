-- Storage review: shrink the hash column to what the old SHA-1 hex values used.
ALTER TABLE members ALTER COLUMN password_hash TYPE VARCHAR(40);
CREATE INDEX members_created_at_idx ON members (created_at);
