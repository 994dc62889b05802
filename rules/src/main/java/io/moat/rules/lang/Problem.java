// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

/** Something wrong at one line of a rule file. */
public record Problem(String file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
