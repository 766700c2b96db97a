CREATE TABLE customer (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    email          VARCHAR(254) NOT NULL UNIQUE,
    full_name      VARCHAR(160) NOT NULL,
    phone          VARCHAR(40),
    password_hash  VARCHAR(128) NOT NULL,
    salt           VARCHAR(32)  NOT NULL,
    pwd_hint       VARCHAR(100),
    token_version  INT          NOT NULL DEFAULT 0,
    created_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE product (
    sku          VARCHAR(32) PRIMARY KEY,
    title        VARCHAR(200) NOT NULL,
    price_cents  INT NOT NULL,
    stock        INT NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE coupons (
    code         VARCHAR(24) PRIMARY KEY,
    percent_off  INT NOT NULL,
    expires_at   DATETIME
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE customer_order (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id   BIGINT      NOT NULL,
    reference     VARCHAR(20) NOT NULL UNIQUE,
    total_cents   INT         NOT NULL,
    status        VARCHAR(16) NOT NULL DEFAULT 'NEW',
    placed_at     DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_order_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_order_customer ON customer_order (customer_id, placed_at);
