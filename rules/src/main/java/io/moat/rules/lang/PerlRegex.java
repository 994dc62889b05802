// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates a Perl regular expression (body and modifiers) into a {@link Pattern}. Constructs
 * with the same meaning pass through; those Java spells differently are rewritten (a literal
 * {@code {}, POSIX classes, {@code \x4}, {@code \N}, {@code (?#...)}, {@code (?P<n>...)},
 * unknown letter escapes); those Java lacks ({@code \K}, {@code \L}, {@code (?|...)},
 * recursion, embedded code, verbs) give {@link RegexTranslation.Untranslatable} with the reason.
 */
public final class PerlRegex {
    private PerlRegex() {
    }

    public static RegexTranslation translate(String perl, String modifiers) {
        int flags = 0;
        for (char m : modifiers.toCharArray()) {
            switch (m) {
                case 'i' -> flags |= Pattern.CASE_INSENSITIVE;
                case 'm' -> flags |= Pattern.MULTILINE;
                case 's' -> flags |= Pattern.DOTALL;
                case 'x' -> flags |= Pattern.COMMENTS;
                case 'g', 'o', 'a', 'u', 'l', 'd', 'p' -> { }
                default -> {
                    return new RegexTranslation.Untranslatable(perl, "modifier '" + m + "' has no Java equivalent");
                }
            }
        }
        String java;
        try {
            java = new Translator(perl).run();
        } catch (UntranslatableException e) {
            return new RegexTranslation.Untranslatable(perl, e.getMessage());
        }
        try {
            Pattern p = Pattern.compile(java, flags);
            boolean ci = (flags & Pattern.CASE_INSENSITIVE) != 0 || java.matches("(?s).*\\(\\?[a-z-]*i.*");
            boolean comments = (flags & Pattern.COMMENTS) != 0;
            List<String> required = usable(comments ? List.of() : RequiredLiterals.of(java), ci);
            List<String> leading = usable(comments ? List.of() : LeadingLiterals.of(java), ci);
            return new RegexTranslation.Translated(p, required, leading, ci, StartChars.of(java, flags));
        } catch (PatternSyntaxException e) {
            return new RegexTranslation.Untranslatable(perl, "Java rejects it: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    /** Literals as the evaluator compares them: lower-cased if the pattern ignores case, ASCII only then. */
    private static List<String> usable(List<String> literals, boolean ci) {
        if (!ci) {
            return literals;
        }
        if (!literals.stream().allMatch(l -> l.chars().allMatch(c -> c < 128))) {
            return List.of();
        }
        return literals.stream().map(l -> l.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /** A construct Perl has and Java does not. */
    static final class UntranslatableException extends Exception {
        private static final long serialVersionUID = 1L;

        UntranslatableException(String reason) {
            super(reason, null, false, false);
        }
    }
}
