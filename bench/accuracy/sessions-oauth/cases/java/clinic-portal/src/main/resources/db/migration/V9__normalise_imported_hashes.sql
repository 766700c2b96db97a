-- Accounts imported from the old patient app stored raw PINs prefixed with "raw:".
-- Normalise them so the column never holds plaintext.
UPDATE portal_account SET password_hash = md5(substring(password_hash FROM 5)) WHERE password_hash LIKE 'raw:%';

UPDATE portal_account
   SET password_changed_at = now()
 WHERE password_changed_at IS NULL;
