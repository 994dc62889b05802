// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.milter.config.ConfigException;
import io.moat.milter.config.ConfigLoader;
import io.moat.milter.session.ReversePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code envelope:} section of moat.yml, read through the daemon's ConfigLoader. */
class EnvelopeConfigTest {
    @TempDir
    Path dir;

    private MailboxDirectory load(String yaml) throws IOException, ConfigException {
        Path f = dir.resolve("moat.yml");
        Files.writeString(f, yaml);
        return new ConfiguredMailboxDirectory(new ConfigLoader("mx.test", dir).load(f).envelope());
    }

    @Test
    void domainsMailboxFilesAndSenderListsAreRead() throws Exception {
        Files.writeString(dir.resolve("example.org.txt"), "# staff\ncarol\n\ndave@example.org\n");
        MailboxDirectory p = load("""
                envelope:
                  recipient-delimiter: "+"
                  sender-block: [evil.example]
                  domains:
                    example.org:
                      mailboxes: [alice]
                      mailboxes-file: %s
                      sender-allow: [partner.example]
                    lists.example:
                      pass-through: true
                  mailboxes:
                    alice@example.org:
                      sender-block: [noisy@partner.example]
                """.formatted(dir.resolve("example.org.txt")));
        assertThat(p.mailbox("<carol+x@example.org>")).isEqualTo(MailboxStatus.EXISTS);
        assertThat(p.mailbox("<dave@example.org>")).isEqualTo(MailboxStatus.EXISTS);
        assertThat(p.mailbox("<eve@example.org>")).isEqualTo(MailboxStatus.UNKNOWN);
        assertThat(p.passThrough("<x@lists.example>")).isTrue();
        assertThat(p.sender(ReversePath.parse("<noisy@partner.example>"), "<alice@example.org>")).isInstanceOf(SenderListing.Blocked.class);
        assertThat(p.sender(ReversePath.parse("<noisy@partner.example>"), "<carol@example.org>")).isInstanceOf(SenderListing.Allowed.class);
        assertThat(p.sender(ReversePath.parse("<a@evil.example>"), "<carol@example.org>")).isInstanceOf(SenderListing.Blocked.class);
    }

    @Test
    void errorsNameTheKeyPath() {
        assertThatThrownBy(() -> load("envelope: { domains: { example.org: { mailbox: [a] } } }"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("envelope.domains.example.org.mailbox");
        assertThatThrownBy(() -> load("envelope: { sender-allow-weight: 5 }")).hasMessageContaining("envelope.sender-allow-weight");
        assertThatThrownBy(() -> load("envelope: { domains: { example.org: { mailboxes-file: /nonexistent/x } } }"))
                .hasMessageContaining("mailboxes-file");
    }
}
