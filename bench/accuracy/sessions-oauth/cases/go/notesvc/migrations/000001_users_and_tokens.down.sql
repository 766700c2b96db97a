DROP TABLE notes;
DROP TABLE refresh_tokens;
DROP TABLE users;
