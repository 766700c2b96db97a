-- SSO-only employees have no local password; the column becomes optional.
ALTER TABLE employees MODIFY password_hash VARCHAR(40) NULL;
ALTER TABLE employees MODIFY badge_code CHAR(8) NOT NULL;
