-- Not narrowed again: argon2id hashes stored since the upgrade would not fit.
ALTER TABLE customers DROP COLUMN IF EXISTS password_changed_at;
