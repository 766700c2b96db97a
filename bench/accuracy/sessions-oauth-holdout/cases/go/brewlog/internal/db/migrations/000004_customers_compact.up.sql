-- Trim oversized columns flagged by the storage report.
ALTER TABLE customers ALTER COLUMN password_hash TYPE varchar(40);
ALTER TABLE customers ALTER COLUMN country_code TYPE char(2) USING left(country_code, 2);
