// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The characters a match of a Java regular expression can start with, read from its first
 * consuming atoms: {@code (?:\b|\s)[_\W]{0,3}v} can only start with a space, a non-word
 * character or a {@code v}. The evaluator then tries the pattern only at those positions instead
 * of at every one. When the pattern opens with {@code \b} and can only start with ASCII word
 * characters, a position right after an ASCII word character is skipped too ({@code \b} fails
 * there). Conservative: a pattern it cannot read, one that can match the empty string,
 * or one with {@code .}, a back-reference or {@code \G} first gives {@link #ANY}.
 */
public final class StartChars {
    /** No shortcut: a match may start anywhere. */
    public static final StartChars ANY = new StartChars(null, false);
    private static final int TABLE = 256;
    private static final boolean[] WORD = new boolean[128];

    static {
        for (char c = 0; c < WORD.length; c++) {
            WORD[c] = Character.isLetterOrDigit(c) || c == '_';
        }
    }

    private final boolean @Nullable [] table;
    private final boolean wordStart;

    private StartChars(boolean @Nullable [] table, boolean wordStart) {
        this.table = table;
        this.wordStart = wordStart;
    }

    /** @param flags the pattern's compile flags (case folding applies to the start set too) */
    static StartChars of(String regex, int flags) {
        if ((flags & Pattern.COMMENTS) != 0 || regex.contains("\\G")) {
            return ANY;
        }
        String union = FirstAtoms.union(regex);
        if (union == null) {
            return ANY;
        }
        Pattern set;
        try {
            set = Pattern.compile("[" + union + "]", flags & (Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS));
        } catch (RuntimeException e) {
            return ANY;
        }
        boolean[] table = new boolean[TABLE];
        boolean onlyWord = true;
        for (char c = 0; c < TABLE; c++) {
            table[c] = set.matcher(String.valueOf(c)).matches();
            onlyWord &= !table[c] || c < WORD.length && WORD[c];
        }
        boolean wordStart = onlyWord && (flags & Pattern.UNICODE_CHARACTER_CLASS) == 0 && regex.startsWith("\\b")
                && !regex.startsWith("\\b?") && !regex.startsWith("\\b*") && !regex.startsWith("\\b{")
                && FirstAtoms.oneBranch(regex);
        return new StartChars(table, wordStart);
    }

    public boolean isAny() {
        return table == null;
    }

    /** The first position at or after {@code from} where a match may start, or -1. */
    public int next(String text, int from) {
        boolean[] t = table;
        if (t == null) {
            return from < text.length() ? from : -1;
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= TABLE || t[c] && !(wordStart && i > 0 && afterWord(text.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean afterWord(char before) {
        return before < WORD.length && WORD[before];
    }

    /** How many of the 256 first characters may start a match (for tests and tuning). */
    int size() {
        int n = 0;
        for (boolean b : table == null ? new boolean[0] : table) {
            n += b ? 1 : 0;
        }
        return table == null ? TABLE : n;
    }
}
