-- Make room for argon2id encodings before the hasher switch.
ALTER TABLE customers ALTER COLUMN password_hash TYPE varchar(255);
ALTER TABLE customers ADD COLUMN password_changed_at TIMESTAMPTZ;
