-- Point-of-sale operators sign in at the till with their own password.
-- The till firmware only accepts 40 characters.
ALTER TABLE pos_operators ALTER COLUMN password_hash TYPE varchar(40);

ALTER TABLE pos_operators ADD COLUMN last_till_login TIMESTAMPTZ;
ALTER TABLE staff_members ADD COLUMN password_changed_at TIMESTAMPTZ;

CREATE INDEX idx_pos_operators_staff ON pos_operators (staff_id);
