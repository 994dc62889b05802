// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.protocol.Frame;
import io.moat.milter.protocol.FrameReader;
import io.moat.milter.protocol.ProtocolException;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Found while testing issue 2 (milter daemon): the frame reader allocated the whole announced
 * frame as soon as it had read the length header, before a single byte of it had arrived. Under
 * the 1 MiB cap one frame is harmless, but every connection can announce one: 512 connections
 * that each send a 1 MiB header and then nothing pin 512 MiB of heap, twice the daemon's target.
 * Memory now follows the bytes that actually arrive.
 */
class Issue2FrameAllocatedBeforeItsBytesArriveTest {
    private static final int CAP = 1024 * 1024;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void frameAnnouncedAtTheCapButCutShortCostsWhatArrivedNotWhatWasAnnounced() {
        byte[] header = {0x00, 0x10, 0x00, 0x00, 'B'}; // 1 MiB announced, then 10 bytes and the end
        FrameReader reader = new FrameReader(new SequenceInputStream(new ByteArrayInputStream(header),
                new ByteArrayInputStream(new byte[10])), CAP);

        ProtocolException thrown = null;
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            reader.read();
        } catch (Exception e) {
            thrown = e instanceof ProtocolException p ? p : null;
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;

        assertThat(thrown).isNotNull().hasMessageContaining("truncated");

        assertThat(allocated).isLessThan(CAP / 8);
    }

    @Test
    void wholeFramesAreStillReadExactly() throws Exception {
        byte[] payload = new byte[200_000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        int length = payload.length + 1;
        byte[] wire = new byte[4 + length];
        wire[0] = (byte) (length >>> 24);
        wire[1] = (byte) (length >>> 16);
        wire[2] = (byte) (length >>> 8);
        wire[3] = (byte) length;
        wire[4] = 'B';
        System.arraycopy(payload, 0, wire, 5, payload.length);

        Frame frame = new FrameReader(new ByteArrayInputStream(wire), CAP).read();

        assertThat(frame).isEqualTo(new Frame((byte) 'B', payload));
    }
}
