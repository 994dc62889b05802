// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SMFIR reply as Postfix's milter8.c reads it, written by hand from the mfdef.h layout.
 * Each response must encode to exactly these bytes, and the MTA-side decoder used by the test
 * client must read them back.
 */
class GoldenResponseFramesTest {

    static Stream<Arguments> goldenResponses() {
        Map<MacroStage, String> lists = new EnumMap<>(MacroStage.class);
        lists.put(MacroStage.SMFIM_ENVFROM, "i {mail_addr}");
        lists.put(MacroStage.SMFIM_CONNECT, "j {client_addr}");
        return Stream.of(
                golden(new Response.Accept(), "00000001 61"),
                golden(new Response.Continue(), "00000001 63"),
                golden(new Response.Discard(), "00000001 64"),
                golden(new Response.Reject(), "00000001 72"),
                golden(new Response.TempFail(), "00000001 74"),
                golden(new Response.Skip(), "00000001 73"),
                golden(new Response.Progress(), "00000001 70"),
                // 'y' "550 5.7.1 Message rejected as spam\0"
                golden(new Response.ReplyCode("550 5.7.1 Message rejected as spam"),
                        "00000024 79 35353020352e372e31204d6573736167652072656a6563746564206173207370616d00"),
                // 'h' "X-Moat-Status\0" " deliver\0" (value verbatim: HDR_LEADSPC style)
                golden(new Response.AddHeader("X-Moat-Status", " deliver"),
                        "00000018 68 582d4d6f61742d53746174757300 2064656c6976657200"),
                // 'i' index=1 "X-Moat-Trace\0" "first\0"
                golden(new Response.InsertHeader(1, "X-Moat-Trace", "first"),
                        "00000018 69 00000001 582d4d6f61742d547261636500 666972737400"),
                // 'm' index=2 "Subject\0" "[SPAM] hi\0"
                golden(new Response.ChangeHeader(2, "Subject", "[SPAM] hi"),
                        "00000017 6d 00000002 5375626a65637400 5b5350414d5d20686900"),
                // 'b' raw bytes, no NUL
                golden(new Response.ReplaceBody("new body\r\n".getBytes(StandardCharsets.US_ASCII)),
                        "0000000b 62 6e657720626f64790d0a"),
                // '+' "<carol@example.com>\0"
                golden(new Response.AddRecipient("<carol@example.com>"),
                        "00000015 2b 3c6361726f6c406578616d706c652e636f6d3e00"),
                // '2' "<carol@example.com>\0" "NOTIFY=NEVER ORCPT=rfc822;carol@example.com\0"
                golden(new Response.AddRecipientPar("<carol@example.com>", List.of("NOTIFY=NEVER", "ORCPT=rfc822;carol@example.com")),
                        "00000041 32 3c6361726f6c406578616d706c652e636f6d3e00 "
                                + "4e4f544946593d4e45564552204f524350543d7266633832323b6361726f6c406578616d706c652e636f6d00"),
                // '-' "<bob@example.net>\0"
                golden(new Response.DeleteRecipient("<bob@example.net>"),
                        "00000013 2d 3c626f62406578616d706c652e6e65743e00"),
                // 'e' "<bounce@example.org>\0" "RET=HDRS\0"
                golden(new Response.ChangeFrom("<bounce@example.org>", List.of("RET=HDRS")),
                        "0000001f 65 3c626f756e6365406578616d706c652e6f72673e00 5245543d4844525300"),
                // 'e' "<>\0" and no argument string at all
                golden(new Response.ChangeFrom("<>", List.of()), "00000004 65 3c3e00"),
                // 'q' "Moat: spam score=12.5\0"
                golden(new Response.Quarantine("Moat: spam score=12.5"),
                        "00000017 71 4d6f61743a207370616d2073636f72653d31322e3500"),
                // 'O' v6 actions=ADDHDRS|QUARANTINE|SETSYMLIST flags=SKIP|HDR_LEADSPC,
                // then {uint32 stage, "names\0"} in stage order: 0=connect, 2=envfrom
                golden(new Response.OptionsReply(6, 0x121, 0x100400, lists),
                        "00000033 4f 00000006 00000121 00100400 00000000 6a207b636c69656e745f616464727d00 "
                                + "00000002 69207b6d61696c5f616464727d00"),
                // 'O' v2 reply without macro lists
                golden(new Response.OptionsReply(2, 0x21, 0, Map.of()),
                        "0000000d 4f 00000002 00000021 00000000"));
    }

    private static Arguments golden(Response response, String hex) {
        return Arguments.of(response.code().name(), response, hex);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("goldenResponses")
    void responseEncodesToTheGoldenFrame(String name, Response response, String hex) {
        byte[] wire = FrameWriter.toBytes(List.of(ResponseEncoder.encode(response)));

        assertThat(Hex.of(wire)).isEqualTo(Hex.compact(hex));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("goldenResponses")
    void goldenFrameDecodesToTheResponse(String name, Response expected, String hex) throws Exception {
        Frame frame = new FrameReader(new ByteArrayInputStream(Hex.bytes(hex)), 1 << 20).read();

        assertThat(frame).isNotNull();
        assertThat(ResponseDecoder.decode(frame)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenResponses")
    void onlyTheFinalRepliesAreTerminal(String name, Response response, String hex) {
        boolean terminal = switch (response) {
            case Response.Accept a -> true;
            case Response.Continue c -> true;
            case Response.Discard d -> true;
            case Response.Reject r -> true;
            case Response.TempFail t -> true;
            case Response.Skip s -> true;
            case Response.ReplyCode r -> true;
            case Response.Shutdown s -> true;
            case Response.ConnFail c -> true;
            case Response.OptionsReply o -> true;
            case Response.Progress p -> false;
            case Response.AddHeader h -> false;
            case Response.InsertHeader h -> false;
            case Response.ChangeHeader h -> false;
            case Response.ReplaceBody b -> false;
            case Response.AddRecipient r -> false;
            case Response.AddRecipientPar r -> false;
            case Response.DeleteRecipient r -> false;
            case Response.ChangeFrom c -> false;
            case Response.Quarantine q -> false;
        };
        assertThat(response.terminal()).isEqualTo(terminal);
    }
}
