DROP TABLE clock_events;
ALTER TABLE employees ADD COLUMN pwd_salt VARCHAR(32) NULL;
