// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.util.List;
import java.util.regex.Pattern;

/** The outcome of translating one Perl regular expression. */
public sealed interface RegexTranslation {
    /**
     * A working Java pattern, plus literals one of which every match must contain and literals
     * one of which every match starts with (each empty if none are known), lower-cased when the
     * pattern ignores case, and the characters a match can start with.
     */
    record Translated(Pattern pattern, List<String> requiredLiterals, List<String> leadingLiterals,
            boolean literalsIgnoreCase, StartChars start) implements RegexTranslation {
        public Translated {
            requiredLiterals = List.copyOf(requiredLiterals);
            leadingLiterals = List.copyOf(leadingLiterals);
        }
    }

    /** A valid Perl expression Java cannot run, with the construct that stops it. */
    record Untranslatable(String perl, String reason) implements RegexTranslation {
    }
}
