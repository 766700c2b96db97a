CREATE TABLE passengers (
    id                   BIGSERIAL PRIMARY KEY,
    email                TEXT         NOT NULL UNIQUE,
    full_name            TEXT         NOT NULL,
    password_hash        VARCHAR(255) NOT NULL,
    password_hint        VARCHAR(40),
    password_changed_at  TIMESTAMPTZ,
    legacy_avatar        BYTEA,
    legacy_import        BOOLEAN      NOT NULL DEFAULT false,
    token_version        INT          NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE password_resets (
    id                BIGSERIAL PRIMARY KEY,
    passenger_id      BIGINT      NOT NULL REFERENCES passengers (id) ON DELETE CASCADE,
    reset_token_hash  CHAR(64)    NOT NULL UNIQUE,
    expires_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE refresh_tokens (
    id            BIGSERIAL PRIMARY KEY,
    passenger_id  BIGINT      NOT NULL,
    token_hash    CHAR(64)    NOT NULL UNIQUE,
    expires_at    TIMESTAMPTZ NOT NULL,
    revoked_at    TIMESTAMPTZ
);

CREATE TABLE revoked_tokens (
    jti         TEXT PRIMARY KEY,
    expires_at  TIMESTAMPTZ NOT NULL
);
