ALTER TABLE agents DROP COLUMN password_changed_at;
ALTER TABLE agents ALTER COLUMN password_hash TYPE CHAR(40);
