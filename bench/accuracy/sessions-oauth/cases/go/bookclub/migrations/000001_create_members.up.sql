CREATE TABLE members (
    id               BIGSERIAL PRIMARY KEY,
    email            VARCHAR(320) NOT NULL UNIQUE,
    display_name     VARCHAR(80)  NOT NULL,
    password_hash    VARCHAR(255) NOT NULL,
    password_salt    VARCHAR(64),
    legacy_avatar    TEXT,
    country_code     VARCHAR(8),
    invite_code      VARCHAR(64) UNIQUE,
    invite_expires_at TIMESTAMPTZ,
    email_bounced    BOOLEAN NOT NULL DEFAULT false,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE shelves (
    id         BIGSERIAL PRIMARY KEY,
    member_id  BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    title      VARCHAR(120) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE remember_tokens (
    id         BIGSERIAL PRIMARY KEY,
    member_id  BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    token_hash CHAR(64) NOT NULL UNIQUE,
    expires_at TIMESTAMPTZ NOT NULL
);
