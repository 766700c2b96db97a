-- Storage review (ticket CLIN-412): trim over-sized columns on portal_account.
ALTER TABLE portal_account ALTER COLUMN country_code TYPE varchar(2);

ALTER TABLE portal_account ALTER COLUMN password_hash TYPE varchar(40);

ALTER TABLE portal_account ALTER COLUMN password_hint TYPE varchar(80);

COMMENT ON COLUMN portal_account.country_code IS 'ISO 3166-1 alpha-2';
