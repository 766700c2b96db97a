-- BC-3318: changes flagged by the schema linter, plus the address book for 5.8.

ALTER TABLE customer MODIFY phone VARCHAR(20);
ALTER TABLE customer MODIFY password_hash VARCHAR(40) NOT NULL;
ALTER TABLE customer CHANGE COLUMN pwd_hint password_hint VARCHAR(40);

-- Hashes are now produced by DelegatingPasswordEncoder and carry their own salt.
ALTER TABLE customer DROP COLUMN salt;
ALTER TABLE customer ADD COLUMN password_changed_at DATETIME NULL;

CREATE TABLE customer_address (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id  BIGINT       NOT NULL,
    label        VARCHAR(40)  NOT NULL,
    line1        VARCHAR(200) NOT NULL,
    line2        VARCHAR(200),
    city         VARCHAR(100) NOT NULL,
    postcode     VARCHAR(16)  NOT NULL,
    country      CHAR(2)      NOT NULL,
    is_default   BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_address_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_address_customer ON customer_address (customer_id);

ALTER TABLE customer_order ADD COLUMN shipping_address_id BIGINT NULL;
ALTER TABLE customer_order
    ADD CONSTRAINT fk_order_address FOREIGN KEY (shipping_address_id) REFERENCES customer_address (id);

ALTER TABLE product ADD COLUMN weight_grams INT NULL;
