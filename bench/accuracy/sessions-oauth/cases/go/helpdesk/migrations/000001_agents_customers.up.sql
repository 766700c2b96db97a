CREATE TABLE agents (
    id            BIGSERIAL PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    github_login  TEXT UNIQUE,
    password_hash CHAR(40) NOT NULL,
    active        BOOLEAN NOT NULL DEFAULT true
);

CREATE TABLE customers (
    id            BIGSERIAL PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    password_hash VARCHAR(72) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE agent_remember (
    agent_id     BIGINT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
    token_sha256 CHAR(64) PRIMARY KEY
);
