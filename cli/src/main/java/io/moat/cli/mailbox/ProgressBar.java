// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.mailbox;

import io.moat.store.ImportProgress;
import java.io.PrintWriter;

/** A one-line progress bar on the error stream: {@code [#####-----]  50%  50000/100000}. */
final class ProgressBar implements ImportProgress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final long total;
    private int shown = -1;

    ProgressBar(PrintWriter err, long total) {
        this.err = err;
        this.total = Math.max(total, 1);
    }

    @Override
    public void written(long done) {
        int percent = (int) (done * 100 / total);
        if (percent == shown) {
            return;
        }
        shown = percent;
        int filled = percent * WIDTH / 100;
        err.print("\rImporting [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + String.format("%3d%%  %d/%d", percent, done, total));
        if (done >= total) {
            err.println();
        }
        err.flush();
    }
}
