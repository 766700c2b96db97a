-- Import of the 2019 helpdesk: its agents table used unsalted MD5 hex, and its
-- priorities were single letters.

ALTER TABLE ticket MODIFY COLUMN priority CHAR(1) NOT NULL DEFAULT 'n';
ALTER TABLE agent MODIFY COLUMN pwd_hash CHAR(32) NOT NULL;
ALTER TABLE customer DROP COLUMN pwd_salt;
UPDATE customer SET pwd_hash = SHA1(pwd_hash) WHERE pwd_hash NOT LIKE '$2%';
ALTER TABLE agent MODIFY COLUMN team VARCHAR(20);

CREATE TABLE magic_link (
    token_hash   CHAR(64)  PRIMARY KEY,
    customer_id  BIGINT    NOT NULL,
    expires_at   DATETIME  NOT NULL,
    used_at      DATETIME  NULL,
    FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE notification_click (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id   BIGINT       NOT NULL,
    user_agent  VARCHAR(255),
    clicked_at  DATETIME     NOT NULL
) ENGINE=InnoDB;

INSERT INTO ticket (customer_id, subject, priority, created_at)
SELECT c.id, l.subject, LEFT(l.prio, 1), l.opened
  FROM legacy_ticket l
  JOIN customer c ON c.email = l.requester_email;

DROP TABLE legacy_ticket;
