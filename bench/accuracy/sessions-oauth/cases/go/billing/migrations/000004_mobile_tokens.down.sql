ALTER TABLE users DROP COLUMN mobile_push_token;
ALTER TABLE users ADD COLUMN tokens_valid_after TIMESTAMPTZ;
