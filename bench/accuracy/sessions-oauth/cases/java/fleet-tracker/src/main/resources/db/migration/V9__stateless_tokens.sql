-- FLT-102: tokens are short-lived JWTs now; no server-side token state is kept.
-- Also drops the tracker ids from the previous telematics vendor.

DROP TABLE IF EXISTS jwt_blocklist CASCADE;
ALTER TABLE driver DROP COLUMN IF EXISTS tokens_valid_after;
ALTER TABLE vehicle DROP COLUMN IF EXISTS legacy_tracker_id;

CREATE TABLE vehicle_position (
    vehicle_id   BIGINT        NOT NULL REFERENCES vehicle (id),
    recorded_at  TIMESTAMPTZ   NOT NULL,
    latitude     NUMERIC(9, 6) NOT NULL,
    longitude    NUMERIC(9, 6) NOT NULL,
    speed_kmh    NUMERIC(5, 1),
    heading      SMALLINT,
    PRIMARY KEY (vehicle_id, recorded_at)
);

CREATE INDEX vehicle_position_recent_idx ON vehicle_position (recorded_at DESC);

ALTER TABLE route ADD COLUMN closed_at TIMESTAMPTZ;
ALTER TABLE route ADD COLUMN closed_by VARCHAR(80);

UPDATE route SET closed_at = now() WHERE status = 'CLOSED' AND closed_at IS NULL;

COMMENT ON TABLE vehicle_position IS 'Raw GPS fixes from the telematics vendors';
COMMENT ON COLUMN route.closed_by IS 'Dispatcher subject that closed the route';

-- Vendors can revoke a link from their side; we record when we noticed.
ALTER TABLE telematics_link ADD COLUMN revoked_at TIMESTAMPTZ;
CREATE INDEX telematics_link_vendor_idx ON telematics_link (vendor);
