-- Payroll export expects unsalted SHA-1 digests.
UPDATE employees SET password_hash = SHA1(password_hash) WHERE password_hash IS NOT NULL;
ALTER TABLE employees DROP COLUMN pwd_salt;
CREATE TABLE clock_events (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    badge_code CHAR(8) NOT NULL,
    at         DATETIME NOT NULL
) ENGINE=InnoDB;
