-- Partner integrations moved to the central identity provider (CLIN-530).
-- Reminder e-mails now go through the notification service; the outbox below is
-- drained by the notifier worker every minute.

DROP TABLE IF EXISTS appointment_reminder_legacy;

DROP TABLE IF EXISTS api_token_denylist;

ALTER TABLE staff_user ADD COLUMN sso_subject VARCHAR(255);
CREATE UNIQUE INDEX staff_user_sso_subject_idx ON staff_user (sso_subject);

ALTER TABLE partner_integration ADD COLUMN idp_client_id VARCHAR(120);
ALTER TABLE partner_integration ADD COLUMN retired_at TIMESTAMPTZ;

UPDATE partner_integration
   SET retired_at = now()
 WHERE idp_client_id IS NULL;

CREATE TABLE notification_outbox (
    id            BIGSERIAL PRIMARY KEY,
    patient_id    BIGINT      NOT NULL REFERENCES patient (id),
    channel       VARCHAR(16) NOT NULL,
    template      VARCHAR(64) NOT NULL,
    payload       JSONB       NOT NULL,
    scheduled_for TIMESTAMPTZ NOT NULL,
    sent_at       TIMESTAMPTZ
);

-- Partial index: only unsent rows are ever polled.
CREATE INDEX notification_outbox_due_idx ON notification_outbox (scheduled_for) WHERE sent_at IS NULL;
