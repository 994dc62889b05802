// SPDX-License-Identifier: Apache-2.0
package io.moat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CorpusReaderTest {
    private static final String MBOX = "From alice@example.org  Sat Oct  5 10:00:00 2002\n"
            + "Subject: hello\n"
            + "Received: from a\n\tby b\n"
            + "\n"
            + "line one\n"
            + "line two\n";

    @Test
    void dropsTheMboxFromLineAndKeepsFieldsAsPostfixSendsThem() {
        SampleMessage m = CorpusReader.parse("t", MBOX.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(m.fields()).extracting(SampleMessage.Field::name).containsExactly("Subject", "Received");
        assertThat(m.fields().get(1).value(false)).isEqualTo("from a\n\tby b");
        assertThat(m.fields().get(1).value(true)).isEqualTo(" from a\n\tby b");
    }

    @Test
    void bodyHasCrlfLineEndsAndNoSeparatorLine() {
        SampleMessage m = CorpusReader.parse("t", MBOX.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(new String(m.body(), StandardCharsets.ISO_8859_1)).isEqualTo("line one\r\nline two\r\n");
        int header = "Subject: hello\r\n".length() + "Received: from a\r\n\tby b\r\n".length();
        assertThat(m.size()).isEqualTo(header + 2 + m.body().length);
    }

    @Test
    void onlyOneSpaceIsEatenWithoutLeadingSpaceNegotiated() {
        SampleMessage.Field tabbed = new SampleMessage.Field("X", "\tvalue");
        SampleMessage.Field spaced = new SampleMessage.Field("X", "  value");

        assertThat(tabbed.value(false)).isEqualTo("\tvalue");
        assertThat(spaced.value(false)).isEqualTo(" value");
    }
}
