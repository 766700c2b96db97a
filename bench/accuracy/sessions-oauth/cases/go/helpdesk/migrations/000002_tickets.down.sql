DROP TABLE magic_links;
DROP TABLE comments;
DROP TABLE replies;
DROP TABLE tickets;
