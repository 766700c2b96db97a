CREATE TABLE employees (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    login         VARCHAR(64) NOT NULL UNIQUE,
    password_hash VARCHAR(255) NOT NULL,
    pwd_salt      VARCHAR(32) NULL,
    badge_code    VARCHAR(16) NOT NULL UNIQUE,
    created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE weeks (
    employee_id BIGINT NOT NULL,
    week        CHAR(8) NOT NULL,
    hours       DECIMAL(5,2) NOT NULL,
    submitted   TINYINT(1) NOT NULL DEFAULT 0,
    PRIMARY KEY (employee_id, week),
    FOREIGN KEY (employee_id) REFERENCES employees(id)
) ENGINE=InnoDB;
