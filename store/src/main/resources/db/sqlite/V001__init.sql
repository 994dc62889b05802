-- SPDX-License-Identifier: Apache-2.0
-- Moat store schema, SQLite dialect. Times are epoch milliseconds (UTC); addresses lower case.

CREATE TABLE domain (
    name                      TEXT    NOT NULL PRIMARY KEY,
    relay                     TEXT,
    pass_through              BOOLEAN NOT NULL DEFAULT 0,
    quarantine_retention_days INTEGER,
    created_at                INTEGER NOT NULL
);

CREATE TABLE mailbox (
    address    TEXT    NOT NULL PRIMARY KEY,
    domain     TEXT    NOT NULL REFERENCES domain (name) ON DELETE CASCADE,
    name       TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX mailbox_domain ON mailbox (domain, address);

CREATE TABLE policy (
    scope   TEXT NOT NULL,
    setting TEXT NOT NULL,
    value   TEXT NOT NULL,
    PRIMARY KEY (scope, setting)
);

CREATE TABLE app_user (
    name                TEXT    NOT NULL PRIMARY KEY,
    role                TEXT    NOT NULL,
    scopes              TEXT    NOT NULL,
    password_hash       TEXT    NOT NULL,
    must_change         BOOLEAN NOT NULL,
    created_at          INTEGER NOT NULL,
    password_changed_at INTEGER NOT NULL
);

CREATE TABLE audit (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        INTEGER NOT NULL,
    actor     TEXT    NOT NULL,
    host      TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    target    TEXT    NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX audit_at ON audit (at);

CREATE TABLE quarantine (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    message_key    TEXT    NOT NULL UNIQUE,
    queue_id       TEXT    NOT NULL,
    sender         TEXT    NOT NULL,
    client_ip      TEXT,
    received_at    INTEGER NOT NULL,
    classification TEXT    NOT NULL,
    score          REAL    NOT NULL,
    findings       TEXT    NOT NULL,
    reason         TEXT    NOT NULL,
    message_id     TEXT,
    subject        TEXT,
    size           INTEGER NOT NULL,
    sha256         TEXT    NOT NULL,
    release_token  TEXT    NOT NULL,
    content        BLOB    NOT NULL
);
CREATE INDEX quarantine_received ON quarantine (received_at);
CREATE INDEX quarantine_sender ON quarantine (sender);

CREATE TABLE quarantine_recipient (
    quarantine_id INTEGER NOT NULL REFERENCES quarantine (id) ON DELETE CASCADE,
    recipient     TEXT    NOT NULL,
    domain        TEXT    NOT NULL,
    released_at   INTEGER,
    released_by   TEXT,
    PRIMARY KEY (quarantine_id, recipient)
);
CREATE INDEX quarantine_recipient_address ON quarantine_recipient (recipient);
CREATE INDEX quarantine_recipient_domain ON quarantine_recipient (domain);

CREATE TABLE message_log (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    logged_at      INTEGER NOT NULL,
    host           TEXT    NOT NULL,
    queue_id       TEXT    NOT NULL,
    message_id     TEXT,
    sender         TEXT    NOT NULL,
    recipient      TEXT    NOT NULL,
    destination    TEXT    NOT NULL,
    classification TEXT    NOT NULL,
    score          REAL    NOT NULL,
    size           INTEGER NOT NULL,
    relay_ip       TEXT,
    subject        TEXT,
    detail         TEXT,
    quarantine_id  INTEGER
);
CREATE INDEX message_log_time ON message_log (logged_at);
CREATE INDEX message_log_sender ON message_log (sender, logged_at);
CREATE INDEX message_log_recipient ON message_log (recipient, logged_at);
CREATE INDEX message_log_message_id ON message_log (message_id);
CREATE INDEX message_log_queue_id ON message_log (queue_id);
CREATE INDEX message_log_class ON message_log (classification, logged_at);
