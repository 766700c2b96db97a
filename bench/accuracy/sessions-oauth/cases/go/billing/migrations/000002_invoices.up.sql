CREATE TABLE invoices (
    id              BIGSERIAL PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users(id),
    number          TEXT NOT NULL UNIQUE,
    total_cents     BIGINT NOT NULL,
    status          TEXT NOT NULL,
    legacy_pdf_path TEXT,
    issued_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
