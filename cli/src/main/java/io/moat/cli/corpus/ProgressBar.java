// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.corpus;

import io.moat.rules.corpus.Progress;
import java.io.PrintWriter;

/** A one-line progress bar on standard error, redrawn when the percentage or phase changes. */
public final class ProgressBar implements Progress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private int lastPercent = -1;
    private String lastPhase = "";

    public ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void step(int done, int total, String phase) {
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        if (percent == lastPercent && phase.equals(lastPhase)) {
            return;
        }
        lastPercent = percent;
        lastPhase = phase;
        int filled = percent * WIDTH / 100;
        err.printf("\r[%s%s] %3d%% %d/%d %-16s", "#".repeat(filled), " ".repeat(WIDTH - filled), percent, done, total, phase);
        if (done >= total) {
            err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
        }
        err.flush();
    }
}
