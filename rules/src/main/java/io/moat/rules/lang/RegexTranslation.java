// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.util.regex.Pattern;

/** The outcome of translating one Perl regular expression. */
public sealed interface RegexTranslation {
    /**
     * A working Java pattern, plus a literal every match must contain (empty if none is known),
     * lower-cased when the pattern ignores case.
     */
    record Translated(Pattern pattern, String requiredLiteral, boolean literalIgnoresCase) implements RegexTranslation {
    }

    /** A valid Perl expression Java cannot run, with the construct that stops it. */
    record Untranslatable(String perl, String reason) implements RegexTranslation {
    }
}
