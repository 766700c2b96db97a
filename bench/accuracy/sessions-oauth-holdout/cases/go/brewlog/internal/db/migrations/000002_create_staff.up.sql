CREATE TABLE staff (
    id                   BIGSERIAL PRIMARY KEY,
    email                TEXT    NOT NULL UNIQUE,
    display_name         TEXT    NOT NULL,
    nickname             TEXT,
    password_hash        TEXT,
    password_salt        BYTEA,
    break_glass_allowed  BOOLEAN NOT NULL DEFAULT false,
    active               BOOLEAN NOT NULL DEFAULT true
);

CREATE TABLE stock (
    sku         TEXT PRIMARY KEY,
    on_hand     INT    NOT NULL DEFAULT 0,
    updated_by  BIGINT REFERENCES staff (id)
);
