// SPDX-License-Identifier: Apache-2.0
package io.moat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.protocol.Frame;
import io.moat.milter.protocol.FrameReader;
import io.moat.milter.protocol.ProtocolFlag;
import io.moat.milter.protocol.Response;
import io.moat.milter.protocol.ResponseEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The generator's packets, in order, as a milter sees them: the Postfix 3.7 sequence, with replies
 * awaited only where the milter asked for them, and ABORT, ABORT and QUIT at the end.
 */
class PostfixConversationTest {
    private static final SampleMessage MESSAGE = CorpusReader.parse("t",
            "Subject: hello\nFrom: a@example.org\n\nline one\n".getBytes(StandardCharsets.ISO_8859_1));

    @Test
    void everyStepIsAnsweredWhenTheMilterAsksForEveryReply() throws Exception {
        List<String> seen = play(EnumSet.noneOf(ProtocolFlag.class));

        assertThat(seen).containsExactly("O", "DC", "C", "DH", "H", "DM", "M", "DR", "R", "DT", "T",
                "DL", "L", "DL", "L", "DN", "N", "DB", "B", "DE", "E", "A", "A", "Q", "closed");
    }

    @Test
    void noReplyStepsKeepTheSameSequence() throws Exception {
        List<String> seen = play(EnumSet.of(ProtocolFlag.SMFIP_NR_HDR, ProtocolFlag.SMFIP_NR_DATA,
                ProtocolFlag.SMFIP_NR_EOH, ProtocolFlag.SMFIP_NR_BODY, ProtocolFlag.SMFIP_NR_CONN,
                ProtocolFlag.SMFIP_NR_HELO));

        assertThat(seen).containsExactly("O", "DC", "C", "DH", "H", "DM", "M", "DR", "R", "DT", "T",
                "DL", "L", "DL", "L", "DN", "N", "DB", "B", "DE", "E", "A", "A", "Q", "closed");
    }

    @Test
    void stepsTheMilterOptedOutOfAreNotSentButTheirMacrosAre() throws Exception {
        List<String> seen = play(EnumSet.of(ProtocolFlag.SMFIP_NOHDRS, ProtocolFlag.SMFIP_NOBODY));

        assertThat(seen).containsExactly("O", "DC", "C", "DH", "H", "DM", "M", "DR", "R", "DT", "T",
                "DN", "N", "DE", "E", "A", "A", "Q", "closed");
    }

    /** Plays one session with one message against a milter that negotiates {@code flags}; what it received. */
    private static List<String> play(Set<ProtocolFlag> flags) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> milter = CompletableFuture.supplyAsync(() -> serve(server, flags));
            try (MilterClient client = MilterClient.open(new InetSocketAddress(server.getInetAddress(),
                    server.getLocalPort()), false, false, 65536)) {
                PostfixConversation session = new PostfixConversation(client, 0);
                assertThat(session.begin()).isEqualTo('c');
                assertThat(session.message(PreparedMessage.of(MESSAGE), "1A2B3C", "s@example.org", "r@moat.test"))
                        .isEqualTo('a');
                session.end();
            }
            return milter.get(10, TimeUnit.SECONDS);
        }
    }

    private static List<String> serve(ServerSocket server, Set<ProtocolFlag> flags) {
        List<String> seen = new ArrayList<>();
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            FrameReader reader = new FrameReader(in, 1 << 20);
            Frame f;
            while ((f = reader.read()) != null) {
                char code = (char) f.code();
                seen.add(code == 'D' ? "D" + (char) f.payload()[0] : String.valueOf(code));
                Response reply = switch (code) {
                    case 'O' -> new Response.OptionsReply(6, 0, ProtocolFlag.toMask(flags), Map.of());
                    case 'C' -> flags.contains(ProtocolFlag.SMFIP_NR_CONN) ? null : new Response.Continue();
                    case 'H' -> flags.contains(ProtocolFlag.SMFIP_NR_HELO) ? null : new Response.Continue();
                    case 'M', 'R' -> new Response.Continue();
                    case 'T' -> flags.contains(ProtocolFlag.SMFIP_NR_DATA) ? null : new Response.Continue();
                    case 'L' -> flags.contains(ProtocolFlag.SMFIP_NR_HDR) ? null : new Response.Continue();
                    case 'N' -> flags.contains(ProtocolFlag.SMFIP_NR_EOH) ? null : new Response.Continue();
                    case 'B' -> flags.contains(ProtocolFlag.SMFIP_NR_BODY) ? null : new Response.Continue();
                    case 'E' -> new Response.Accept();
                    default -> null;
                };
                if (reply != null) {
                    Frame r = ResponseEncoder.encode(reply);
                    out.write(Wire.of(r));
                    out.flush();
                }
            }
            seen.add("closed");
        } catch (IOException | RuntimeException | io.moat.milter.protocol.ProtocolException e) {
            seen.add("error " + e);
        }
        return seen;
    }
}
