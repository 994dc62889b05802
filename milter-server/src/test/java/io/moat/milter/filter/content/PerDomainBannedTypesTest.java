// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.milter.config.ConfigException;
import io.moat.milter.config.ConfigLoader;
import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.ProtocolException;
import io.moat.milter.protocol.Response;
import io.moat.milter.record.MessageRecord;
import io.moat.milter.testkit.MilterTestClient;
import io.moat.milter.testkit.TestDaemon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Banned types per domain, through the daemon and the milter codec: one message to two domains,
 * the recipient whose domain bans the attachment is removed with DELRCPT, the other gets it.
 */
class PerDomainBannedTypesTest {
    private static final String CONFIG = """
            verdict:
              actions:
                banned: drop
            envelope:
              domains:
                strict.example:
                  banned-extensions: [pdf]
                lenient.example:
                  banned-replace: true
            """;

    @TempDir
    Path dir;

    private static List<Response> send(MilterTestClient mta, String queueId, byte[] message, String... rcpts)
            throws IOException, ProtocolException {
        return mta.sendMessage("<alice@example.org>", java.util.Arrays.stream(rcpts).map(r -> "<" + r + ">").toList(),
                queueId, new String(message, StandardCharsets.ISO_8859_1));
    }

    private static MilterTestClient open(TestDaemon daemon) throws IOException, ProtocolException {
        MilterTestClient mta = daemon.connect();
        mta.negotiate(MilterTestClient.POSTFIX_OFFER);
        mta.last(new Command.Connect("c.example.org", Command.Family.SMFIA_INET, 25000, "192.0.2.9"));
        return mta;
    }

    @Test
    void aPdfBannedByOneDomainIsRemovedForItsRecipientAndDeliveredToTheOther() throws Exception {
        byte[] msg = Mail.multipart().text("the report").attach("application/pdf", "report.pdf",
                "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)).build();
        List<MessageRecord> records;
        List<Response> eom;
        try (TestDaemon daemon = TestDaemon.start(dir, CONFIG); MilterTestClient mta = open(daemon)) {
            eom = send(mta, "4PDF", msg, "ann@strict.example", "bob@other.example");
            records = daemon.records();
        }

        assertThat(eom).filteredOn(Response.DeleteRecipient.class::isInstance)
                .containsExactly(new Response.DeleteRecipient("<ann@strict.example>"));
        assertThat(eom.getLast()).isEqualTo(new Response.Continue());
        // The part facts steer policy; they are not tests a mail client should see.
        assertThat(eom).filteredOn(r -> r instanceof Response.AddHeader h && h.name().equals("X-Spam-Status"))
                .singleElement().asString().doesNotContain("ATTACHMENT");
        assertThat(records).extracting(MessageRecord::action, MessageRecord::recipients).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("drop", List.of("ann@strict.example")),
                org.assertj.core.groups.Tuple.tuple("deliver", List.of("bob@other.example")));
    }

    @Test
    void anExecutableAllowedByOneDomainIsRemovedForTheRecipientOfAnotherThatBansIt() throws Exception {
        byte[] msg = Mail.multipart().text("the tool").attach("application/octet-stream", "tool.exe", Mail.windowsExecutable())
                .build();
        List<Response> eom;
        try (TestDaemon daemon = TestDaemon.start(dir, CONFIG); MilterTestClient mta = open(daemon)) {
            eom = send(mta, "4EXE", msg, "carl@lenient.example", "bob@other.example");
        }

        assertThat(eom).filteredOn(Response.DeleteRecipient.class::isInstance)
                .containsExactly(new Response.DeleteRecipient("<bob@other.example>"));
        assertThat(eom.getLast()).isEqualTo(new Response.Continue());
    }

    @Test
    void aMessageForTheBanningDomainAloneGetsItsAction() throws Exception {
        byte[] msg = Mail.multipart().attach("application/pdf", "r.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))
                .build();
        List<Response> eom;
        try (TestDaemon daemon = TestDaemon.start(dir, CONFIG); MilterTestClient mta = open(daemon)) {
            eom = send(mta, "4ONE", msg, "ann@strict.example");
        }

        assertThat(eom).singleElement().isEqualTo(new Response.Discard());
    }

    @Test
    void aDomainsBannedListIsCheckedWhenTheConfigIsLoaded() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yml"),
                "envelope:\n  domains:\n    x.example:\n      banned-types: [application/octet-stream]\n");

        assertThatThrownBy(() -> new ConfigLoader("gw.test", dir.resolve("spool")).load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("envelope.domains.x.example.banned-types")
                .hasMessageContaining("would ban almost everything");
    }
}
