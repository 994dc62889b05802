// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random and damaged input for the frame reader and both decoders. The only acceptable outcomes
 * are a command, a ProtocolException, or a clean end of stream; and reading never allocates much
 * more than the frame cap, whatever the length headers claim.
 */
class DecoderFuzzProperties {
    private static final int CAP = 64 * 1024 + 1;
    /** Body buffer plus payload copy, both bounded by the cap, plus room for exception objects. */
    private static final long ALLOCATION_BOUND = 2L * CAP + 256 * 1024;

    @Property(tries = 3000)
    void randomBytesEndInCommandsProtocolErrorOrCleanEnd(@ForAll @Size(max = 600) byte[] garbage) throws Exception {
        assertOnlyProtocolOutcomes(garbage);
    }

    @Property(tries = 3000)
    void framesWithPlausibleLengthsAndRandomPayloadsDecodeOrFailAsProtocolErrors(
            @ForAll("plausibleFrames") byte[] wire) throws Exception {
        assertOnlyProtocolOutcomes(wire);
    }

    @Property(tries = 1000)
    void validStreamCutAnywhereEndsInAProtocolErrorOrCleanEnd(
            @ForAll("validStreams") byte[] wire, @ForAll @IntRange(min = 0, max = 10_000) int cut) throws Exception {
        byte[] truncated = java.util.Arrays.copyOf(wire, Math.min(cut, wire.length));
        assertOnlyProtocolOutcomes(truncated);
    }

    @Property(tries = 2000)
    void responseDecoderAcceptsOrRefusesRandomRepliesWithProtocolErrorsOnly(
            @ForAll("replyCodes") byte code, @ForAll @Size(max = 200) byte[] payload) {
        try {
            assertThat(ResponseDecoder.decode(new Frame(code, payload))).isNotNull();
        } catch (ProtocolException expected) {
            // the only failure allowed
        }
    }

    private static void assertOnlyProtocolOutcomes(byte[] wire) throws Exception {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wire), CAP);
        for (int frames = 0; frames <= wire.length; frames++) {
            long[] allocated = new long[1];
            Frame[] frame = new Frame[1];
            try {
                allocated[0] = AllocationMeter.bytesAllocatedBy(() -> frame[0] = reader.read());
                if (frame[0] == null) {
                    return;
                }
                assertThat(allocated[0]).as("bytes allocated for one frame").isLessThan(ALLOCATION_BOUND);
                assertThat(CommandDecoder.decode(frame[0])).isNotNull();
            } catch (ProtocolException expected) {
                return;
            }
        }
        throw new AssertionError("reader did not make progress");
    }

    @Provide
    Arbitrary<byte[]> plausibleFrames() {
        Arbitrary<Character> code = Arbitraries.of('A', 'B', 'C', 'D', 'E', 'H', 'K', 'L', 'M', 'N', 'O', 'Q', 'R', 'T', 'U');
        Arbitrary<byte[]> payload = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(80),
                // payloads made of small alphabets hit the NUL/family/port paths more often
                Arbitraries.of((byte) 0, (byte) '4', (byte) '6', (byte) 'L', (byte) 'U', (byte) 'a', (byte) 0x19)
                        .array(byte[].class).ofMaxSize(40));
        Arbitrary<Integer> lengthSkew = Arbitraries.integers().between(-3, 3);
        return Combinators.combine(code, payload, lengthSkew).as((c, p, skew) -> {
            int length = Math.max(0, p.length + 1 + skew);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(length >>> 24);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
            out.write(c);
            out.writeBytes(p);
            return out.toByteArray();
        });
    }

    @Provide
    Arbitrary<byte[]> validStreams() {
        Arbitrary<Command> one = Arbitraries.of(
                new Command.OptNeg(6, 0x1FF, 0x1FFFFF),
                new Command.Macro('C', java.util.Map.of("j", "mx", "{daemon_name}", "smtpd")),
                new Command.Connect("mail.example.com", Command.Family.SMFIA_INET6, 25, "2001:db8::1"),
                new Command.Connect("unknown", Command.Family.SMFIA_UNKNOWN, 0, ""),
                new Command.Helo("client"),
                new Command.Mail("<a@example.org>", List.of("SIZE=10")),
                new Command.Rcpt("<b@example.org>", List.of()),
                new Command.Header("Subject", "hi"),
                new Command.Body(new byte[300]),
                new Command.EndOfMessage(new byte[0]),
                new Command.Quit());
        return one.list().ofMinSize(1).ofMaxSize(8)
                .map(cs -> FrameWriter.toBytes(cs.stream().map(CommandEncoder::encode).toList()));
    }

    @Provide
    Arbitrary<Byte> replyCodes() {
        return Arbitraries.oneOf(
                Arbitraries.of(ResponseCode.values()).map(c -> (byte) c.wire()),
                Arbitraries.bytes());
    }
}
