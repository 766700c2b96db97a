CREATE TABLE customer (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    email     VARCHAR(254) NOT NULL UNIQUE,
    pwd_hash  CHAR(60)     NOT NULL,
    pwd_salt  VARCHAR(32)
) ENGINE=InnoDB;

CREATE TABLE agent (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    email     VARCHAR(254) NOT NULL UNIQUE,
    pwd_hash  CHAR(60)     NOT NULL COMMENT 'bcrypt',
    team      VARCHAR(40)
) ENGINE=InnoDB;

CREATE TABLE ticket (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id  BIGINT NOT NULL,
    subject      VARCHAR(200) NOT NULL,
    priority     VARCHAR(10) NOT NULL DEFAULT 'normal',
    created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE=InnoDB;

CREATE TABLE ticket_message (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id   BIGINT   NOT NULL,
    author_kind ENUM('customer', 'agent') NOT NULL,
    author_id   BIGINT   NOT NULL,
    body        TEXT     NOT NULL,
    created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (ticket_id) REFERENCES ticket (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE INDEX idx_ticket_customer ON ticket (customer_id, created_at);
