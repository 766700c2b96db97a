ALTER TABLE partners ALTER COLUMN password_hash TYPE TEXT;
DROP TABLE partner_connections;
DROP TABLE partner_api_keys;
DROP TABLE partner_remember;
