-- The owner's mail log reads sent_mail: each row keeps the mail as the customer gets it (subject, language, plain
-- text and HTML, and the pictures the HTML shows), and a failed send stays as a row waiting for the retry instead of
-- disappearing, with the number of failed attempts and the last reason.
ALTER TABLE sent_mail ADD COLUMN language VARCHAR(20);
ALTER TABLE sent_mail ADD COLUMN body_text TEXT;
ALTER TABLE sent_mail ADD COLUMN body_html TEXT;
ALTER TABLE sent_mail ADD COLUMN released BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE sent_mail ADD COLUMN retried BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE sent_mail ADD COLUMN failed_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE sent_mail ADD COLUMN last_failed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sent_mail ADD COLUMN last_failure VARCHAR(500);
CREATE INDEX sent_mail_claimed_at_idx ON sent_mail (claimed_at, id);

CREATE TABLE sent_mail_image (
    sent_mail_id BIGINT       NOT NULL REFERENCES sent_mail (id) ON DELETE CASCADE,
    content_id   VARCHAR(100) NOT NULL,
    png          BYTEA        NOT NULL,
    PRIMARY KEY (sent_mail_id, content_id)
);
