// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The texts Postfix mis-handles cannot be built: REPLYCODE that is not 4xx/5xx (Postfix answers
 * 451 4.3.5), CR/LF in a reply (the SMTP client hangs), a lone % (Postfix eats it), and header
 * names or values that would break the message.
 */
class ReplyTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"250 2.0.0 ok", "354 go on", "550 4.7.1 class mismatch", "55 short", "hello", "",
            "550 5.7.1 two\r\nlines", "451 4.7.1 100% sure", "550\n5.7.1"})
    void replyCodeRefusesWhatPostfixWouldMishandle(String reply) {
        assertThatThrownBy(() -> new Response.ReplyCode(reply)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"550", "451 4.7.1", "550 5.7.1 Message rejected as spam", "452 100%% full"})
    void replyCodeKeepsValidReplies(String reply) {
        assertThat(new Response.ReplyCode(reply).reply()).isEqualTo(reply);
    }

    @Test
    void formattedReplyDoublesPercentAndFlattensLineBreaks() {
        assertThat(Response.ReplyCode.of(550, "5.7.1", "50% spam\r\nX-Injected: yes").reply())
                .isEqualTo("550 5.7.1 50%% spam  X-Injected: yes");
    }

    @Test
    void formattedReplyIsCutToOneSmtpLineWithoutSplittingAPercentPair() {
        String reply = Response.ReplyCode.of(550, "5.7.1", "%".repeat(600)).reply();

        assertThat(reply).hasSizeLessThanOrEqualTo(510).endsWith("%%");
        assertThat(SmtpReplyText.validate(reply)).isEqualTo(reply);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X Moat", "X-Moat:", "X-\u00e9", "X\tY"})
    void headerNameMustBePrintableAsciiWithoutColon(String name) {
        assertThatThrownBy(() -> new Response.AddHeader(name, "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\rb", "a\0b", "a\nb", "trailing\n"})
    void headerValueRefusesNulCrAndBareLineFeeds(String value) {
        assertThatThrownBy(() -> new Response.AddHeader("X-Moat", value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headerValueMayFoldWithLineFeedAndWhitespace() {
        assertThat(new Response.AddHeader("X-Moat", "one\n\ttwo\n three").value()).isEqualTo("one\n\ttwo\n three");
    }

    @Test
    void recipientsAndReasonsRefuseLineBreaks() {
        assertThatThrownBy(() -> new Response.AddRecipient("<a@b>\r\nRCPT TO:<c@d>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Response.Quarantine("why\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Response.ChangeFrom("<a@b>", java.util.List.of("RET=\nHDRS")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headerIndicesFollowPostfixConventions() {
        assertThat(new Response.InsertHeader(0, "X-A", "v").index()).isZero();
        assertThatThrownBy(() -> new Response.InsertHeader(-1, "X-A", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Response.ChangeHeader(0, "X-A", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sanitizeReplacesEveryControlCharacterWithASpace() {
        assertThat(HeaderText.sanitize("a\tb\r\nc\0d\u007fe")).isEqualTo("a b  c d e");
        assertThat(HeaderText.sanitize("clean")).isEqualTo("clean");
    }
}
