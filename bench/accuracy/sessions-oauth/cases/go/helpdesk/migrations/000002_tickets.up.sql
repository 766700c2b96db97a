CREATE TABLE tickets (
    id          BIGSERIAL PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    status      TEXT NOT NULL
);

CREATE TABLE replies (
    id        BIGSERIAL PRIMARY KEY,
    ticket_id BIGINT NOT NULL REFERENCES tickets(id),
    agent_id  BIGINT NOT NULL REFERENCES agents(id),
    body      TEXT NOT NULL
);

CREATE TABLE comments (
    id          BIGSERIAL PRIMARY KEY,
    ticket_id   BIGINT NOT NULL REFERENCES tickets(id),
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    body        TEXT NOT NULL
);

CREATE TABLE magic_links (
    token_sha256 CHAR(64) PRIMARY KEY,
    customer_id  BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    expires_at   TIMESTAMPTZ NOT NULL
);
