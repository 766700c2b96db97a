DROP TABLE sessions;
DROP TABLE tasks;
DROP TABLE users;
