-- 5.10 clean-up.
-- * Promotions moved to the pricing service.
-- * "Log out all devices" was removed from the account page.
-- * BC-3402: revert the V12 shrink; {bcrypt}-prefixed hashes are 68 characters.
-- * Wholesale buyers get their own login table.

DROP TABLE coupons;

ALTER TABLE customer DROP COLUMN token_version;
ALTER TABLE customer ADD COLUMN marketing_opt_in BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE customer MODIFY password_hash VARCHAR(255) NOT NULL;

CREATE TABLE wholesale_account (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    company        VARCHAR(200) NOT NULL,
    login          VARCHAR(80)  NOT NULL UNIQUE,
    password_hash  VARCHAR(32)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE wholesale_price (
    account_id   BIGINT      NOT NULL,
    sku          VARCHAR(32) NOT NULL,
    price_cents  INT         NOT NULL,
    PRIMARY KEY (account_id, sku),
    CONSTRAINT fk_wprice_account FOREIGN KEY (account_id) REFERENCES wholesale_account (id),
    CONSTRAINT fk_wprice_product FOREIGN KEY (sku) REFERENCES product (sku)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

UPDATE customer SET marketing_opt_in = TRUE
 WHERE id IN (SELECT customer_id FROM newsletter_legacy_optin);
DROP TABLE newsletter_legacy_optin;
