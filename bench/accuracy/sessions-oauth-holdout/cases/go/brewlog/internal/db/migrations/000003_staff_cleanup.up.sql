-- Staff sign in through SSO now; only break-glass accounts keep a local password.
ALTER TABLE staff DROP COLUMN password_salt;
ALTER TABLE staff DROP COLUMN nickname;
