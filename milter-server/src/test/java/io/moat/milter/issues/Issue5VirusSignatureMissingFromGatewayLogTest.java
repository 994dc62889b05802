// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.record.GatewayLogLine;
import io.moat.milter.record.MessageRecord;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found by the end-to-end antivirus test (issue 5), which asks for the signature name "in the
 * log": the daemon's one line per message said {@code reject virus ... findings=AV_INFECTED} and
 * nothing anywhere in the daemon's output named the signature clamd reported, so an admin
 * grepping the mail log for {@code Eicar} or a signature named in an advisory found nothing. The
 * line now ends with {@code virus=} and the signature names.
 */
class Issue5VirusSignatureMissingFromGatewayLogTest {
    @Test
    void gatewayLineNamesEverySignatureOnce() {
        String line = GatewayLogLine.format(record(List.of(
                new Finding("BANNED_NAME", 0, "part 2 (eicar.com): .com", Classification.BANNED),
                new Finding("AV_INFECTED", 0, "Win.Test.EICAR_HDB-1", Classification.VIRUS),
                new Finding("AV_INFECTED", 0, "Win.Test.EICAR_HDB-1", Classification.VIRUS),
                new Finding("AV_INFECTED", 0, "Odd name, with space", Classification.VIRUS))));

        assertThat(line).endsWith(" findings=BANNED_NAME,AV_INFECTED virus=Win.Test.EICAR_HDB-1,Odd_name__with_space");
    }

    @Test
    void lineWithoutAVirusHasNoVirusField() {
        String line = GatewayLogLine.format(record(List.of(Finding.of("GTUBE", 1000, ""))));

        assertThat(line).endsWith(" findings=GTUBE").doesNotContain("virus=");
    }

    private static MessageRecord record(List<Finding> findings) {
        return new MessageRecord(Instant.parse("2026-11-24T03:00:00Z"), "mx", "reject", Classification.VIRUS,
                "sender@outside.example", List.of("user@customer.example"), "test", "<id@example.org>", 0.4, 694,
                "6F5F42122A2", "127.0.0.1", Duration.ofMillis(3), findings, 0);
    }
}
