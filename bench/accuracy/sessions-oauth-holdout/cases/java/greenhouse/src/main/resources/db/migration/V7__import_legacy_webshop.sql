-- Customers imported from the old webshop (2014-2019) keep their accounts.
CREATE TABLE legacy_accounts (
    id              BIGSERIAL PRIMARY KEY,
    email           VARCHAR(254) NOT NULL,
    password_hash   VARCHAR(255) NOT NULL,
    imported_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

INSERT INTO legacy_accounts (email, password_hash)
SELECT email, password_hash FROM customers WHERE created_at < DATE '2019-07-01';

-- normalise: every imported hash goes through the same digest
UPDATE legacy_accounts SET password_hash = md5(password_hash);

ALTER TABLE customers DROP COLUMN password_salt;
