-- Align driver columns with the payroll export format.
ALTER TABLE drivers MODIFY country_code VARCHAR(2) NOT NULL DEFAULT 'DE';
ALTER TABLE drivers MODIFY password_hash VARCHAR(40) NOT NULL;
ALTER TABLE drivers ADD COLUMN payroll_ref VARCHAR(32) NULL;
