// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

/** A rule that was read but cannot run here (an {@code eval:} plugin test, an untranslatable regex). */
public record Unsupported(String rule, String file, int line, String reason) {
    @Override
    public String toString() {
        return rule + " (" + file + ":" + line + "): " + reason;
    }
}
