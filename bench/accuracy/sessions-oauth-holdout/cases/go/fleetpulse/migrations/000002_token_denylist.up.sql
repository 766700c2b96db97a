-- Audit copy of the Redis denylist, kept for the compliance export.
CREATE TABLE token_denylist (
    jti         CHAR(36)    NOT NULL PRIMARY KEY,
    subject     VARCHAR(64) NOT NULL,
    revoked_at  DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    expires_at  DATETIME    NOT NULL
) ENGINE=InnoDB;
