-- Access tokens expire after 15 minutes; the jti table was never queried by
-- the v2 middleware, so drop it.
DROP TABLE revoked_tokens;
ALTER TABLE invoices DROP COLUMN legacy_pdf_path;
DROP TABLE IF EXISTS webhook_deliveries_2022;
