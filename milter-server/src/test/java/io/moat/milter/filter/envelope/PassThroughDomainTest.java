// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.Response;
import io.moat.milter.record.MessageRecord;
import io.moat.milter.testkit.MilterTestClient;
import io.moat.milter.testkit.TestDaemon;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pass-through domain skips content filtering; other domains on the same daemon do not. */
class PassThroughDomainTest {
    private static final String GTUBE_MESSAGE = "From: a@example.org\r\nTo: x@lists.example.org\r\n"
            + "Subject: test\r\nDate: Mon, 2 Sep 2002 10:00:00 +0000\r\nMessage-ID: <p1@example.org>\r\n\r\n"
            + "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X\r\n";

    @TempDir
    Path dir;

    @Test
    void spamForAPassThroughDomainIsDeliveredUnscannedAndForAnotherDomainRejected() throws Exception {
        try (TestDaemon daemon = TestDaemon.start(dir, "envelope:\n  domains:\n    lists.example.org:\n      pass-through: true\n");
                MilterTestClient mta = daemon.connect()) {
            mta.negotiate(MilterTestClient.POSTFIX_OFFER);
            mta.last(new Command.Connect("c.example.org", Command.Family.SMFIA_INET, 25000, "192.0.2.9"));

            List<Response> passed = mta.sendMessage("<a@example.org>", "<x@lists.example.org>", "4PASS", GTUBE_MESSAGE);
            assertThat(passed.get(passed.size() - 1)).isEqualTo(new Response.Continue());
            mta.send(new Command.Abort());

            List<Response> scanned = mta.sendMessage("<a@example.org>", "<y@example.net>", "4SCAN", GTUBE_MESSAGE);
            assertThat(scanned).singleElement().isInstanceOfSatisfying(Response.ReplyCode.class,
                    r -> assertThat(r.reply()).startsWith("550 5.7.1"));
        }
    }

    @Test
    void passThroughMessageIsLoggedWithoutContentFindings() throws Exception {
        List<MessageRecord> records;
        try (TestDaemon daemon = TestDaemon.start(dir, "envelope:\n  domains:\n    lists.example.org:\n      pass-through: true\n");
                MilterTestClient mta = daemon.connect()) {
            mta.negotiate(MilterTestClient.POSTFIX_OFFER);
            mta.last(new Command.Connect("c.example.org", Command.Family.SMFIA_INET, 25000, "192.0.2.9"));
            mta.sendMessage("<a@example.org>", "<x@lists.example.org>", "4PASS", GTUBE_MESSAGE);
            records = daemon.records();
        }
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("deliver");
            assertThat(r.findings()).extracting(f -> f.symbol()).doesNotContain("GTUBE");
        });
    }
}
