-- Delegating encoder prefixes ({bcrypt}, {argon2}) make hashes longer than 100 chars.
ALTER TABLE customers ALTER COLUMN password_hash TYPE varchar(255);

ALTER TABLE customers ADD COLUMN password_hint VARCHAR(40);
ALTER TABLE customers ADD COLUMN pickup_pin_hash VARCHAR(100);
ALTER TABLE customers ADD COLUMN gift_card_pin_hash VARCHAR(100);

-- ISO 3166-1 alpha-2 only from now on
UPDATE customers SET country_code = upper(substr(country_code, 1, 2)) WHERE country_code IS NOT NULL;
ALTER TABLE customers ALTER COLUMN country_code TYPE varchar(2);

-- avatars moved to object storage in 1.3
ALTER TABLE customers DROP COLUMN legacy_avatar;

CREATE INDEX idx_plant_orders_status ON plant_orders (status);
