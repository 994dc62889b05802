-- SPDX-License-Identifier: Apache-2.0
-- Domain columns so that `moat log search --recipient '*@example.org'` uses an index, not a scan.

ALTER TABLE message_log ADD COLUMN sender_domain TEXT NOT NULL DEFAULT '';
ALTER TABLE message_log ADD COLUMN recipient_domain TEXT NOT NULL DEFAULT '';
UPDATE message_log SET
    sender_domain    = CASE WHEN instr(sender, '@') > 0 THEN substr(sender, instr(sender, '@') + 1) ELSE '' END,
    recipient_domain = CASE WHEN instr(recipient, '@') > 0 THEN substr(recipient, instr(recipient, '@') + 1) ELSE '' END;
CREATE INDEX message_log_sender_domain ON message_log (sender_domain, logged_at);
CREATE INDEX message_log_recipient_domain ON message_log (recipient_domain, logged_at);
