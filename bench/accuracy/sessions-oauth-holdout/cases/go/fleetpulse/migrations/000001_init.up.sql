CREATE TABLE dispatchers (
    id             BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    login          VARCHAR(64)  NOT NULL UNIQUE,
    display_name   VARCHAR(120) NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    token_version  INT          NOT NULL DEFAULT 0,
    depot_id       BIGINT UNSIGNED,
    active         TINYINT(1)   NOT NULL DEFAULT 1
) ENGINE=InnoDB;

CREATE TABLE drivers (
    id             BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    phone          VARCHAR(20)  NOT NULL UNIQUE,
    full_name      VARCHAR(120) NOT NULL,
    password_hash  VARCHAR(100) NOT NULL,
    country_code   VARCHAR(3)   NOT NULL DEFAULT 'DEU',
    token_version  INT          NOT NULL DEFAULT 0,
    licence_class  VARCHAR(8)
) ENGINE=InnoDB;

CREATE TABLE refresh_tokens (
    id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    subject     VARCHAR(64) NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    family_id   CHAR(36)    NOT NULL,
    token_hash  CHAR(64)    NOT NULL UNIQUE,
    expires_at  DATETIME    NOT NULL,
    used_at     DATETIME    NULL,
    INDEX refresh_tokens_family (family_id)
) ENGINE=InnoDB;
