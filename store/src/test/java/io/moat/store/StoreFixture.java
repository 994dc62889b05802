// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** What every contract needs from the implementation under test: a fresh store and its clock. */
public interface StoreFixture {
    Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    Actor ADMIN = new Actor("alice", "admin-host.example");

    Store store();

    TestClock clock();

    static byte[] message(String subject, String body) {
        return ("From: sender@example.net\r\nTo: ann@example.org\r\nSubject: " + subject + "\r\nMessage-ID: <" + subject.hashCode()
                + "@example.net>\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static QuarantineEntry entry(String queueId, Instant at, List<String> recipients, String subject) {
        return new QuarantineEntry(queueId, "Sender@Example.net", recipients, "192.0.2.7", at, Classification.SPAM, 12.5,
                List.of("RBL_ZEN_SBL", "BAYES_99(0.99)"), "spam score 12.5 >= 10", "<" + queueId + "@example.net>", subject,
                message(subject, "buy now " + queueId));
    }
}
