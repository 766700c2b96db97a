-- The inventory API moved to the staff identity provider in 1.4.
DROP TABLE jwt_denylist;

-- seasonal coupons are managed by the marketing tool now
DROP TABLE coupons;

CREATE TABLE supplier_connections (
    supplier        VARCHAR(40) PRIMARY KEY,
    access_token    TEXT NOT NULL,
    refresh_token   TEXT,
    connected_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
