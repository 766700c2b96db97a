DROP TABLE deals;
DROP TABLE partners;
