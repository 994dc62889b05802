// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SMFIC command as the MTA puts it on the wire, written by hand from libmilter's mfdef.h
 * layout: {@code uint32 length} (big-endian, counting the command byte), the command byte, then
 * the payload with NUL-terminated strings. Each frame must decode to the command and the command
 * must encode to exactly these bytes.
 */
class GoldenCommandFramesTest {

    static Stream<Arguments> goldenCommands() {
        Map<String, String> connectMacros = new LinkedHashMap<>();
        connectMacros.put("j", "mx.example.org");
        connectMacros.put("{daemon_name}", "smtpd");
        return Stream.of(
                // len=13 'O' version=6 actions=0x1ff protocol=0x1fffff (what Postfix 3.7 offers)
                golden(new Command.OptNeg(6, 0x1FF, 0x1FFFFF),
                        "0000000d 4f 00000006 000001ff 001fffff"),
                // 'D' stage 'C' then name\0 value\0 pairs: j=mx.example.org {daemon_name}=smtpd
                golden(new Command.Macro('C', connectMacros),
                        "00000027 44 43 6a00 6d782e6578616d706c652e6f726700 7b6461656d6f6e5f6e616d657d00 736d74706400"),
                // 'C' "mail.example.com\0" family '4' port 54321 (0xd431) "192.0.2.1\0"
                golden(new Command.Connect("mail.example.com", Command.Family.SMFIA_INET, 54321, "192.0.2.1"),
                        "0000001f 43 6d61696c2e6578616d706c652e636f6d00 34 d431 3139322e302e322e3100"),
                // 'C' "host6.example.net\0" family '6' port 8080 (0x1f90) bare "2001:db8::1\0"
                golden(new Command.Connect("host6.example.net", Command.Family.SMFIA_INET6, 8080, "2001:db8::1"),
                        "00000022 43 686f7374362e6578616d706c652e6e657400 36 1f90 323030313a6462383a3a3100"),
                // 'C' "localhost\0" family 'L' port 0 "/var/run/smtp.sock\0"
                golden(new Command.Connect("localhost", Command.Family.SMFIA_UNIX, 0, "/var/run/smtp.sock"),
                        "00000021 43 6c6f63616c686f737400 4c 0000 2f7661722f72756e2f736d74702e736f636b00"),
                // 'C' "unknown\0" family 'U' and nothing after it: no port, no address, no NUL
                golden(new Command.Connect("unknown", Command.Family.SMFIA_UNKNOWN, 0, ""),
                        "0000000a 43 756e6b6e6f776e00 55"),
                // 'H' "client.example.com\0"
                golden(new Command.Helo("client.example.com"),
                        "00000014 48 636c69656e742e6578616d706c652e636f6d00"),
                // 'M' "<alice@example.org>\0" "SIZE=1024\0" "BODY=8BITMIME\0"
                golden(new Command.Mail("<alice@example.org>", List.of("SIZE=1024", "BODY=8BITMIME")),
                        "0000002d 4d 3c616c696365406578616d706c652e6f72673e00 53495a453d3130323400 424f44593d384249544d494d4500"),
                // 'R' "<bob@example.net>\0" "NOTIFY=NEVER\0"
                golden(new Command.Rcpt("<bob@example.net>", List.of("NOTIFY=NEVER")),
                        "00000020 52 3c626f62406578616d706c652e6e65743e00 4e4f544946593d4e4556455200"),
                golden(new Command.Data(), "00000001 54"),
                // 'L' "Subject\0" "Hello there\0" (no leading space: Postfix strips it without HDR_LEADSPC)
                golden(new Command.Header("Subject", "Hello there"),
                        "00000015 4c 5375626a65637400 48656c6c6f20746865726500"),
                golden(new Command.EndOfHeaders(), "00000001 4e"),
                // 'B' raw bytes "Hello\r\n", no NUL
                golden(new Command.Body("Hello\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                        "00000008 42 48656c6c6f0d0a"),
                // 'E' alone, as Postfix sends it
                golden(new Command.EndOfMessage(new byte[0]), "00000001 45"),
                // 'E' with a last chunk, as sendmail may send it
                golden(new Command.EndOfMessage("bye\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                        "00000006 45 6279650d0a"),
                golden(new Command.Abort(), "00000001 41"),
                // 'U' "XFOO bar\0"
                golden(new Command.Unknown("XFOO bar"), "0000000a 55 58464f4f2062617200"),
                golden(new Command.Quit(), "00000001 51"),
                golden(new Command.QuitNewConnection(), "00000001 4b"));
    }

    private static Arguments golden(Command command, String hex) {
        return Arguments.of(command.code().name(), command, hex);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("goldenCommands")
    void goldenFrameDecodesToTheCommand(String name, Command expected, String hex) throws Exception {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(Hex.bytes(hex)), 1 << 20);
        Frame frame = reader.read();

        assertThat(frame).isNotNull();
        assertThat(CommandDecoder.decode(frame)).isEqualTo(expected);
        assertThat(reader.read()).as("nothing after the frame").isNull();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("goldenCommands")
    void commandEncodesToTheGoldenFrame(String name, Command command, String hex) {
        byte[] wire = FrameWriter.toBytes(List.of(CommandEncoder.encode(command)));

        assertThat(Hex.of(wire)).isEqualTo(Hex.compact(hex));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenCommands")
    void commandCodeIsTheWireByte(String name, Command command, String hex) {
        assertThat((byte) command.code().wire()).isEqualTo(Hex.bytes(hex)[4]);
        assertThat(CommandCode.of(Hex.bytes(hex)[4])).isEqualTo(command.code());
    }
}
