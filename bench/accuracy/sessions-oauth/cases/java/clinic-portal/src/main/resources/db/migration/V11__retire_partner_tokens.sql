-- Partner integrations moved to the central identity provider (CLIN-530).
DROP TABLE IF EXISTS appointment_reminder_legacy;

DROP TABLE IF EXISTS api_token_denylist;

ALTER TABLE staff_user ADD COLUMN sso_subject VARCHAR(255);
CREATE UNIQUE INDEX staff_user_sso_subject_idx ON staff_user (sso_subject);
