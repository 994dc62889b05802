// SPDX-License-Identifier: Apache-2.0
package io.moat.bench.load;

import io.moat.milter.protocol.Command;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link SampleMessage} with its HEADER packets encoded both ways (with and without
 * SMFIP_HDR_LEADSPC) and its body cut into BODY packets of at most 65535 bytes, as Postfix does,
 * all as wire bytes ({@link Wire}), so the generator spends its CPU on the conversation and not on
 * encoding.
 */
public record PreparedMessage(SampleMessage message, List<byte[]> headersVerbatim, List<byte[]> headersStripped,
                              List<byte[]> bodyChunks) {
    public static final int MAX_CHUNK = 65535;

    public static PreparedMessage of(SampleMessage m) {
        List<byte[]> verbatim = new ArrayList<>();
        List<byte[]> stripped = new ArrayList<>();
        for (SampleMessage.Field f : m.fields()) {
            verbatim.add(Wire.of(new Command.Header(f.name(), f.value(true))));
            stripped.add(Wire.of(new Command.Header(f.name(), f.value(false))));
        }
        List<byte[]> chunks = new ArrayList<>();
        for (int off = 0; off < m.body().length; off += MAX_CHUNK) {
            chunks.add(Wire.of(new Command.Body(Arrays.copyOfRange(m.body(), off, Math.min(m.body().length, off + MAX_CHUNK)))));
        }
        return new PreparedMessage(m, verbatim, stripped, chunks);
    }

    /** The HEADER packets, one per field, in order. */
    public List<byte[]> headers(boolean leadingSpace) {
        return leadingSpace ? headersVerbatim : headersStripped;
    }
}
