-- FLT-77: tighten column types after the vendor data import, and add stop-level
-- tracking for routes.

ALTER TABLE vehicle ALTER COLUMN vin TYPE CHAR(17);
ALTER TABLE driver ALTER COLUMN licence_class TYPE VARCHAR(4);
ALTER TABLE driver ALTER COLUMN password_hash SET DATA TYPE VARCHAR(30);
ALTER TABLE driver ADD COLUMN password_changed_at TIMESTAMPTZ;

CREATE TABLE route_stop (
    id            BIGSERIAL PRIMARY KEY,
    route_id      BIGINT        NOT NULL REFERENCES route (id) ON DELETE CASCADE,
    position      INTEGER       NOT NULL,
    address       VARCHAR(255)  NOT NULL,
    latitude      NUMERIC(9, 6) NOT NULL,
    longitude     NUMERIC(9, 6) NOT NULL,
    window_start  TIMESTAMPTZ,
    window_end    TIMESTAMPTZ,
    arrived_at    TIMESTAMPTZ,
    UNIQUE (route_id, position)
);

CREATE INDEX route_stop_route_idx ON route_stop (route_id);

CREATE TABLE telematics_link (
    id            BIGSERIAL PRIMARY KEY,
    vendor        VARCHAR(32)  NOT NULL,
    linked_by     VARCHAR(80)  NOT NULL,
    token_blob    BYTEA        NOT NULL, -- AES-GCM, key from the KMS
    key_version   SMALLINT     NOT NULL,
    expires_at    TIMESTAMPTZ
);
