// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it and reports each read to a {@link Meter}, which may refuse. */
final class MeteredInputStream extends FilterInputStream {
    /** Told of every read; throws to stop reading. */
    @FunctionalInterface
    interface Meter {
        void add(long bytes) throws ContentLimitException;
    }

    private final Meter meter;
    private long count;

    MeteredInputStream(InputStream in, Meter meter) {
        super(in);
        this.meter = meter;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
            meter.add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            count += n;
            meter.add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping must be counted like reading, or a bomb could be skipped past unmetered.
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        long done = 0;
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
