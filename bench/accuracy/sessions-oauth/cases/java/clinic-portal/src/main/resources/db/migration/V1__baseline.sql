-- Baseline schema for the clinic portal.
CREATE TABLE clinic (
    id          BIGSERIAL PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    timezone    VARCHAR(64)  NOT NULL DEFAULT 'Europe/London'
);

CREATE TABLE staff_user (
    id              BIGSERIAL PRIMARY KEY,
    clinic_id       BIGINT       NOT NULL REFERENCES clinic (id),
    username        VARCHAR(80)  NOT NULL UNIQUE,
    display_name    VARCHAR(160) NOT NULL,
    password_hash   VARCHAR(60)  NOT NULL,
    badge_number    VARCHAR(20),
    badge_pin_hash  VARCHAR(100),
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE patient (
    id          BIGSERIAL PRIMARY KEY,
    clinic_id   BIGINT      NOT NULL REFERENCES clinic (id),
    mrn         VARCHAR(20) NOT NULL UNIQUE,
    full_name   VARCHAR(160) NOT NULL,
    birth_date  DATE        NOT NULL
);

CREATE TABLE appointment (
    id            BIGSERIAL PRIMARY KEY,
    patient_id    BIGINT      NOT NULL REFERENCES patient (id),
    clinician_id  BIGINT      NOT NULL REFERENCES staff_user (id),
    starts_at     TIMESTAMPTZ NOT NULL,
    status        VARCHAR(16) NOT NULL DEFAULT 'BOOKED'
);

CREATE INDEX appointment_starts_at_idx ON appointment (starts_at);
