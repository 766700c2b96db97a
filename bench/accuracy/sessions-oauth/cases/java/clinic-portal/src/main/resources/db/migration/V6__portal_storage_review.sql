-- Storage review (ticket CLIN-412): trim over-sized columns and add the indexes the
-- slow-query log asked for.

ALTER TABLE portal_account ALTER COLUMN country_code TYPE varchar(2);

ALTER TABLE portal_account ALTER COLUMN password_hash TYPE varchar(40);

ALTER TABLE portal_account ALTER COLUMN password_hint TYPE varchar(80);

COMMENT ON COLUMN portal_account.country_code IS 'ISO 3166-1 alpha-2';

ALTER TABLE appointment ALTER COLUMN status TYPE varchar(12);

CREATE TABLE appointment_note (
    id              BIGSERIAL PRIMARY KEY,
    appointment_id  BIGINT      NOT NULL REFERENCES appointment (id) ON DELETE CASCADE,
    author_id       BIGINT      NOT NULL REFERENCES staff_user (id),
    body            TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX appointment_note_appointment_idx ON appointment_note (appointment_id);
CREATE INDEX appointment_clinician_day_idx ON appointment (clinician_id, starts_at);

CREATE TABLE staff_preferences (
    owner         VARCHAR(80) PRIMARY KEY,
    theme         VARCHAR(16) DEFAULT 'light',
    default_view  VARCHAR(32) DEFAULT 'day'
);

ANALYZE portal_account;
ANALYZE appointment;
