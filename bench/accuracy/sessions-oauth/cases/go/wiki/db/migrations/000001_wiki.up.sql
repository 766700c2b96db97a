CREATE TABLE users (
    username      VARCHAR(64) PRIMARY KEY,
    password_hash VARCHAR(60) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE pages (
    title      VARCHAR(255) PRIMARY KEY,
    body       TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE watches (
    username VARCHAR(64) REFERENCES users(username) ON DELETE CASCADE,
    title    VARCHAR(255),
    PRIMARY KEY (username, title)
);
