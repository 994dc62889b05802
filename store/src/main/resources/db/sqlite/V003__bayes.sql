-- The statistical filter's state, shared by every node that uses this store (moat learn --shared).
CREATE TABLE bayes_tokens (
    token TEXT   NOT NULL PRIMARY KEY,
    spam  BIGINT NOT NULL DEFAULT 0,
    ham   BIGINT NOT NULL DEFAULT 0
);

-- Which message (by its learning key) was learned as what: learning stays idempotent.
CREATE TABLE bayes_messages (
    message_key TEXT NOT NULL PRIMARY KEY,
    label       TEXT NOT NULL
);

CREATE TABLE bayes_totals (
    label    TEXT   NOT NULL PRIMARY KEY,
    messages BIGINT NOT NULL
);

INSERT INTO bayes_totals (label, messages) VALUES ('SPAM', 0);
INSERT INTO bayes_totals (label, messages) VALUES ('HAM', 0);
