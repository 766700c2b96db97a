DROP TABLE watches;
DROP TABLE pages;
DROP TABLE users;
