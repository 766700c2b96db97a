-- Greenhouse storefront: initial schema
CREATE TABLE customers (
    id              BIGSERIAL PRIMARY KEY,
    email           VARCHAR(254) NOT NULL UNIQUE,
    display_name    VARCHAR(80),
    password_hash   VARCHAR(100) NOT NULL,
    password_salt   VARCHAR(32),
    legacy_avatar   BYTEA,
    country_code    VARCHAR(8),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE staff_members (
    id              BIGINT PRIMARY KEY,
    badge_number    VARCHAR(12) NOT NULL UNIQUE,
    full_name       VARCHAR(120) NOT NULL,
    password_hash   VARCHAR(255) NOT NULL,
    station         VARCHAR(16) NOT NULL,
    active          BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE pos_operators (
    id              BIGSERIAL PRIMARY KEY,
    staff_id        BIGINT NOT NULL REFERENCES staff_members(id),
    till_number     SMALLINT NOT NULL,
    password_hash   TEXT NOT NULL
);

CREATE TABLE jwt_denylist (
    jti             UUID PRIMARY KEY,
    expires_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE plants (
    id              BIGSERIAL PRIMARY KEY,
    latin_name      VARCHAR(160) NOT NULL,
    common_name     VARCHAR(160),
    pot_size_cm     INTEGER NOT NULL,
    price_cents     INTEGER NOT NULL,
    stock           INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE plant_orders (
    id              BIGSERIAL PRIMARY KEY,
    number          VARCHAR(20) NOT NULL UNIQUE,
    customer_id     BIGINT NOT NULL REFERENCES customers(id),
    status          VARCHAR(24) NOT NULL,
    placed_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE coupons (
    code            VARCHAR(24) PRIMARY KEY,
    percent_off     SMALLINT NOT NULL,
    expires_on      DATE
);
