-- Agents sign in with GitHub now; keep a short local fallback secret only.
ALTER TABLE agents ALTER COLUMN password_hash TYPE VARCHAR(32);
ALTER TABLE agents ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE agents ADD COLUMN password_changed_at TIMESTAMPTZ;
