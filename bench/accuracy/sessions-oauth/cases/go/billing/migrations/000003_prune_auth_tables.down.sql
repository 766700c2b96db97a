ALTER TABLE invoices ADD COLUMN legacy_pdf_path TEXT;
CREATE TABLE revoked_tokens (
    jti        TEXT PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);
