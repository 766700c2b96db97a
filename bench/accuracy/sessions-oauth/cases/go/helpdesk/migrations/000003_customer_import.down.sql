ALTER TABLE customers DROP COLUMN zendesk_id;
ALTER TABLE customers ALTER COLUMN password_hash SET DATA TYPE VARCHAR(72);
