ALTER TABLE customers ALTER COLUMN country_code TYPE char(3);
ALTER TABLE customers ALTER COLUMN password_hash TYPE varchar(60);
