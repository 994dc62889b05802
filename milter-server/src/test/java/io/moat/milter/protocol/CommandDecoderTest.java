// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed payloads are protocol errors that name what is wrong; lenient forms MTAs use are read. */
class CommandDecoderTest {

    private static Command decode(String hexFrameWithoutLength) throws ProtocolException {
        byte[] b = Hex.bytes(hexFrameWithoutLength);
        return CommandDecoder.decode(new Frame(b[0], java.util.Arrays.copyOfRange(b, 1, b.length)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown command byte        | 7a                         | unknown command byte 0x7a",
            "high command byte           | ff                         | unknown command byte 0xff",
            "OPTNEG cut short            | 4f 00000006 000001ff       | OPTNEG protocol flags is cut short",
            "CONNECT without NUL         | 43 686f7374                | CONNECT hostname is not NUL-terminated",
            "CONNECT unknown family      | 43 6800 58 0019 3100       | unknown address family byte 0x58",
            "CONNECT without port        | 43 6800 34 00              | CONNECT port is cut short",
            "CONNECT address without NUL | 43 6800 34 0019 31         | CONNECT address is not NUL-terminated",
            "CONNECT trailing bytes      | 43 6800 34 0019 3100 ff    | CONNECT has 1 unexpected trailing bytes",
            "MAIL without address        | 4d                         | MAIL without an address",
            "MAIL argument without NUL   | 4d 3c3e00 53495a45         | MAIL argument is not NUL-terminated",
            "RCPT without address        | 52                         | RCPT without an address",
            "HEADER without value        | 4c 5300                    | HEADER value is not NUL-terminated",
            "HEADER with empty name      | 4c 00 7600                 | HEADER with an empty name",
            "HEADER trailing bytes       | 4c 5300 7600 00            | HEADER has 1 unexpected trailing bytes",
            "DATA with payload           | 54 00                      | SMFIC_DATA has 1 unexpected trailing bytes",
            "ABORT with payload          | 41 4141                    | SMFIC_ABORT has 2 unexpected trailing bytes",
            "MACRO without stage         | 44                         | MACRO stage is cut short",
            "MACRO name without NUL      | 44 43 6a                   | macro name is not NUL-terminated",
    })
    void malformedPayloadIsAProtocolErrorNamingTheProblem(String name, String frame, String message) {
        assertThatThrownBy(() -> decode(frame)).isInstanceOf(ProtocolException.class).hasMessageContaining(message);
    }

    @Test
    void optnegWithExtraTrailingDataIsReadLikeLibmilterDoes() throws Exception {
        assertThat(decode("4f 00000006 000001ff 001fffff deadbeef")).isEqualTo(new Command.OptNeg(6, 0x1FF, 0x1FFFFF));
    }

    @Test
    void macroWithANameButNoValueGetsAnEmptyValue() throws Exception {
        assertThat(decode("44 43 6a00")).isEqualTo(new Command.Macro('C', Map.of("j", "")));
    }

    @Test
    void emptyMacroPacketDefinesNothing() throws Exception {
        assertThat(decode("44 48")).isEqualTo(new Command.Macro('H', Map.of()));
    }

    @Test
    void heloWithoutTrailingNulIsStillRead() throws Exception {
        assertThat(decode("48 6d78")).isEqualTo(new Command.Helo("mx"));
    }

    @Test
    void unknownFamilyConnectIgnoresWhateverFollowsTheFamilyByte() throws Exception {
        assertThat(decode("43 6800 55")).isEqualTo(new Command.Connect("h", Command.Family.SMFIA_UNKNOWN, 0, ""));
    }

    @Test
    void eightBitHeaderBytesAreKeptOneCharPerByte() throws Exception {
        Command c = decode("4c 5300 e9ff00");

        assertThat(c).isEqualTo(new Command.Header("S", "\u00e9\u00ff"));
        assertThat(CommandEncoder.encode(c).payload()).isEqualTo(Hex.bytes("5300 e9ff00"));
    }

    @Test
    void nullSenderIsAnEmptyAngleAddress() throws Exception {
        assertThat(decode("4d 3c3e00")).isEqualTo(new Command.Mail("<>", List.of()));
    }
}
