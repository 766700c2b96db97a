-- The v1 middleware that compared iat with tokens_valid_after is gone.
ALTER TABLE users DROP COLUMN tokens_valid_after;
ALTER TABLE users ADD COLUMN mobile_push_token TEXT;
