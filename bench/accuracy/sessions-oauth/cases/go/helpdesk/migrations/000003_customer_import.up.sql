-- Zendesk export: customer hashes arrive as unsalted SHA-256 hex of the old
-- bcrypt strings; convert ours the same way so one code path can verify both.
UPDATE customers SET password_hash = encode(sha256(password_hash::bytea), 'hex');
ALTER TABLE customers ALTER COLUMN password_hash SET DATA TYPE VARCHAR(64);
ALTER TABLE customers ADD COLUMN zendesk_id BIGINT UNIQUE;
