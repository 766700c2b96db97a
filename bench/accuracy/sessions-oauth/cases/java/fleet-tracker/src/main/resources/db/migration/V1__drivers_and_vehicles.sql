CREATE TABLE driver (
    id               BIGSERIAL PRIMARY KEY,
    employee_no      VARCHAR(12)  NOT NULL UNIQUE,
    full_name        VARCHAR(120) NOT NULL,
    password_hash    VARCHAR(60)  NOT NULL,
    licence_class    VARCHAR(10),
    tokens_valid_after TIMESTAMPTZ
);

CREATE TABLE vehicle (
    id                 BIGSERIAL PRIMARY KEY,
    vin                VARCHAR(32) NOT NULL UNIQUE,
    plate              VARCHAR(16) NOT NULL,
    legacy_tracker_id  VARCHAR(40),
    driver_id          BIGINT REFERENCES driver (id)
);

CREATE TABLE route (
    id           BIGSERIAL PRIMARY KEY,
    name         VARCHAR(120) NOT NULL,
    driver_id    BIGINT REFERENCES driver (id),
    vehicle_id   BIGINT REFERENCES vehicle (id),
    status       VARCHAR(16)  NOT NULL DEFAULT 'PLANNED',
    planned_for  DATE         NOT NULL
);

CREATE INDEX route_planned_for_idx ON route (planned_for, status);

CREATE TABLE jwt_blocklist (
    jti         UUID PRIMARY KEY,
    expires_at  TIMESTAMPTZ NOT NULL
);
