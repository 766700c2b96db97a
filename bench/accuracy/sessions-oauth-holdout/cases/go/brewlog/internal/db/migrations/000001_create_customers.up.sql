CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE customers (
    id                 BIGSERIAL PRIMARY KEY,
    email              TEXT        NOT NULL UNIQUE,
    password_hash      VARCHAR(60) NOT NULL,
    business_name      TEXT        NOT NULL,
    licence_no         TEXT        NOT NULL,
    country_code       CHAR(3)     NOT NULL DEFAULT 'GBR',
    delivery_street    TEXT,
    delivery_city      TEXT,
    delivery_postcode  TEXT,
    kegnet_account     TEXT UNIQUE,
    invite_code        TEXT UNIQUE,
    invite_expires_at  TIMESTAMPTZ,
    activated_at       TIMESTAMPTZ,
    disabled_at        TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE remember_tokens (
    id            BIGSERIAL PRIMARY KEY,
    customer_id   BIGINT      NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    token_sha256  BYTEA       NOT NULL UNIQUE,
    expires_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE orders (
    id           BIGSERIAL PRIMARY KEY,
    customer_id  BIGINT      NOT NULL REFERENCES customers (id),
    sku          TEXT        NOT NULL,
    kegs         INT         NOT NULL DEFAULT 0,
    cases        INT         NOT NULL DEFAULT 0,
    total_cents  BIGINT      NOT NULL DEFAULT 0,
    status       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX orders_customer_created ON orders (customer_id, created_at DESC);
