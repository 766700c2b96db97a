ALTER TABLE users DROP COLUMN password_hint;
DROP TABLE magic_links;
DROP TABLE password_resets;
