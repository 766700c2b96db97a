CREATE TABLE users (
    id              SERIAL PRIMARY KEY,
    name            VARCHAR(255) NOT NULL,
    email           VARCHAR(255) NOT NULL UNIQUE,
    hashed_password CHAR(60) NOT NULL,
    nickname        VARCHAR(40),
    api_token_hash  CHAR(64),
    created         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE tasks (
    id       SERIAL PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES users(id),
    title    TEXT NOT NULL,
    done_at  TIMESTAMPTZ,
    archived BOOLEAN NOT NULL DEFAULT false
);

-- scs postgresstore
CREATE TABLE sessions (
    token  TEXT PRIMARY KEY,
    data   BYTEA NOT NULL,
    expiry TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_expiry_idx ON sessions (expiry);
