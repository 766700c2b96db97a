DROP TABLE IF EXISTS token_denylist;
