// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Hostile and broken framing: each case ends in a ProtocolException or a clean end, nothing else. */
class FrameReaderTest {
    private static final int CAP = 1024 * 1024;

    /**
     * Announces a 1 GiB frame and would then hand out a whole GiB, one byte at a time, without
     * holding it in memory; counts how much of it was asked for.
     */
    private static final class LazyGigabyte extends InputStream {
        private static final byte[] HEADER = {0x40, 0x00, 0x00, 0x00};
        long served;

        @Override
        public int read() {
            if (served >= (1L << 30) + 4) {
                return -1;
            }
            int b = served < 4 ? HEADER[(int) served] & 0xff : 'B';
            served++;
            return b;
        }
    }

    @Test
    void oneGibLengthHeaderIsRefusedBeforeTheBodyIsReadOrAllocated() throws Exception {
        LazyGigabyte stream = new LazyGigabyte();
        FrameReader reader = new FrameReader(stream, CAP);
        Throwable[] thrown = new Throwable[1];

        long allocated = AllocationMeter.bytesAllocatedBy(() -> {
            try {
                reader.read();
            } catch (ProtocolException e) {
                thrown[0] = e;
            }
        });

        assertThat(thrown[0]).isInstanceOf(ProtocolException.class).hasMessageContaining("1073741824");
        assertThat(stream.served).as("bytes taken from the stream").isEqualTo(4);
        assertThat(allocated).as("bytes allocated while refusing").isLessThan(CAP / 4);
    }

    @Test
    void allocationMeterSeesAFrameSizedArray() throws Exception {
        long allocated = AllocationMeter.bytesAllocatedBy(() -> {
            byte[] big = new byte[CAP];
            assertThat(big).hasSize(CAP);
        });

        assertThat(allocated).as("the instrument the fuzz tests rely on").isGreaterThanOrEqualTo(CAP);
    }

    @Test
    void largestUnsignedLengthIsRefusedAsTooLargeNotAsNegative() {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(Hex.bytes("ffffffff 4f")), CAP);

        assertThatThrownBy(reader::read).isInstanceOf(ProtocolException.class).hasMessageContaining("4294967295");
    }

    @Test
    void zeroLengthIsRefusedBecauseAFrameNeedsItsCommandByte() {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(Hex.bytes("00000000 41")), CAP);

        assertThatThrownBy(reader::read).isInstanceOf(ProtocolException.class).hasMessageContaining("length 0");
    }

    @Test
    void streamEndingInsideTheLengthHeaderIsATruncatedFrame() {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(Hex.bytes("0000")), CAP);

        assertThatThrownBy(reader::read).isInstanceOf(ProtocolException.class).hasMessageContaining("truncated");
    }

    @Test
    void streamEndingInsideThePayloadIsATruncatedFrame() {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(Hex.bytes("00000010 48 6865")), CAP);

        assertThatThrownBy(reader::read).isInstanceOf(ProtocolException.class).hasMessageContaining("truncated");
    }

    @Test
    void streamEndingBetweenFramesIsACleanEnd() throws Exception {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(Hex.bytes("00000001 41 00000001 51")), CAP);

        assertThat(reader.read()).isEqualTo(new Frame((byte) 'A', new byte[0]));
        assertThat(reader.read()).isEqualTo(new Frame((byte) 'Q', new byte[0]));
        assertThat(reader.read()).isNull();
        assertThat(reader.read()).as("still the end when asked again").isNull();
    }

    @Test
    void frameExactlyAtTheCapIsReadAndOneByteMoreIsRefused() throws Exception {
        int cap = 70_000;
        byte[] atCap = frameOfLength(cap);
        byte[] overCap = frameOfLength(cap + 1);

        Frame frame = new FrameReader(new ByteArrayInputStream(atCap), cap).read();
        assertThat(frame).isNotNull();
        assertThat(frame.payload()).hasSize(cap - 1);
        assertThatThrownBy(() -> new FrameReader(new ByteArrayInputStream(overCap), cap).read())
                .isInstanceOf(ProtocolException.class).hasMessageContaining("exceeds the limit of " + cap);
    }

    private static byte[] frameOfLength(int length) {
        byte[] wire = new byte[4 + length];
        wire[0] = (byte) (length >>> 24);
        wire[1] = (byte) (length >>> 16);
        wire[2] = (byte) (length >>> 8);
        wire[3] = (byte) length;
        wire[4] = 'B';
        Arrays.fill(wire, 5, wire.length, (byte) 'x');
        return wire;
    }
}
