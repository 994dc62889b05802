// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import io.moat.rules.lang.PerlRegex.UntranslatableException;

/** One pass over a Perl expression, writing the Java one. See {@link PerlRegex}. */
final class Translator {
    private static final String SAME_LETTER_ESCAPES = "tnrfaedDwWsSbBAzZGhHvVRXpPQEk";

    private final String in;
    private final StringBuilder out;
    private int i;

    Translator(String perl) {
        this.in = perl;
        this.out = new StringBuilder(perl.length() + 8);
    }

    String run() throws UntranslatableException {
        while (i < in.length()) {
            char c = in.charAt(i);
            switch (c) {
                case '\\' -> escape(false);
                case '[' -> characterClass();
                case '{' -> brace();
                case '(' -> group();
                default -> {
                    out.append(c);
                    i++;
                }
            }
        }
        return out.toString();
    }

    private void escape(boolean inClass) throws UntranslatableException {
        if (i + 1 >= in.length()) {
            out.append("\\\\");
            i++;
            return;
        }
        char c = in.charAt(i + 1);
        i += 2;
        if (c == 'x') {
            hex();
        } else if (c >= '0' && c <= '9') {
            digits(c, inClass);
        } else if (c == 'N' && !inClass) {
            if (i < in.length() && in.charAt(i) == '{') {
                throw new UntranslatableException("\\N{...} named characters");
            }
            out.append("[^\\n]");
        } else if (c == 'c' && i < in.length()) {
            out.append("\\c").append(in.charAt(i++));
        } else if (c == 'g') {
            backreference();
        } else if (c == 'k' && i < in.length() && "<{'".indexOf(in.charAt(i)) >= 0) {
            char close = in.charAt(i) == '<' ? '>' : in.charAt(i) == '{' ? '}' : '\'';
            int end = in.indexOf(close, i + 1);
            if (end < 0) {
                throw new UntranslatableException("unterminated \\k reference");
            }
            out.append("\\k<").append(GroupOpening.javaName(in.substring(i + 1, end))).append('>');
            i = end + 1;
        } else if ("KLlUuCoF".indexOf(c) >= 0) {
            throw new UntranslatableException("\\" + c + " is not supported by Java regular expressions");
        } else if (Character.isLetter(c) && SAME_LETTER_ESCAPES.indexOf(c) < 0) {
            out.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
        } else if (inClass && (c == 'b')) {
            out.append("\\x{8}");
        } else {
            out.append('\\').append(c);
        }
    }

    private void hex() {
        if (i < in.length() && in.charAt(i) == '{') {
            int end = in.indexOf('}', i);
            String digits = end < 0 ? "" : in.substring(i + 1, end).trim();
            i = end < 0 ? in.length() : end + 1;
            out.append("\\x{").append(digits.isEmpty() ? "0" : digits).append('}');
            return;
        }
        int start = i;
        while (i < in.length() && i - start < 2 && Character.digit(in.charAt(i), 16) >= 0) {
            i++;
        }
        out.append("\\x{").append(start == i ? "0" : in.substring(start, i)).append('}');
    }

    private void digits(char first, boolean inClass) {
        boolean threeOctal = i + 1 < in.length() && isOctal(first) && isOctal(in.charAt(i)) && isOctal(in.charAt(i + 1));
        if (first == '0' || inClass || threeOctal) {
            int start = i - 1;
            while (i < in.length() && i - start < 3 && in.charAt(i) >= '0' && in.charAt(i) <= '7') {
                i++;
            }
            out.append("\\x{").append(Integer.toHexString(Integer.parseInt(in.substring(start, i), 8))).append('}');
        } else {
            out.append('\\').append(first);
        }
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    private void backreference() throws UntranslatableException {
        int start = i;
        boolean braced = i < in.length() && in.charAt(i) == '{';
        if (braced) {
            i++;
        }
        int numStart = i;
        while (i < in.length() && Character.isDigit(in.charAt(i))) {
            i++;
        }
        if (numStart == i || (braced && (i >= in.length() || in.charAt(i) != '}'))) {
            throw new UntranslatableException("\\g" + in.substring(start, Math.min(in.length(), start + 4))
                    + " relative or named backreference");
        }
        out.append('\\').append(in, numStart, i);
        if (braced) {
            i++;
        }
    }

    private void characterClass() throws UntranslatableException {
        out.append('[');
        i++;
        if (i < in.length() && in.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        if (i < in.length() && in.charAt(i) == ']') {
            out.append("\\]");
            i++;
        }
        while (i < in.length() && in.charAt(i) != ']') {
            char c = in.charAt(i);
            if (c == '\\') {
                escape(true);
            } else if (c == '[' && in.startsWith("[:", i)) {
                posix();
            } else if (c == '[' || c == '&' || (c == '-' && i + 1 < in.length() && in.charAt(i + 1) == '[')) {
                out.append('\\').append(c);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        out.append(']');
        i++;
    }

    private void posix() throws UntranslatableException {
        int end = in.indexOf(":]", i + 2);
        if (end < 0) {
            out.append("\\[");
            i++;
            return;
        }
        String name = in.substring(i + 2, end);
        boolean negated = name.startsWith("^");
        if (name.endsWith("word")) {
            out.append(negated ? "\\W" : "\\w");
            i = end + 2;
            return;
        }
        String java = PosixClasses.javaName(negated ? name.substring(1) : name);
        if (java == null) {
            throw new UntranslatableException("unknown POSIX class [:" + name + ":]");
        }
        out.append(negated ? "\\P{" : "\\p{").append(java).append('}');
        i = end + 2;
    }

    private void brace() {
        int end = in.indexOf('}', i);
        boolean quantifier = end > i && in.substring(i + 1, end).matches("\\d+(,\\d*)?|,\\d+") && !out.isEmpty();
        if (quantifier) {
            String q = in.substring(i, end + 1);
            out.append(q.startsWith("{,") ? "{0" + q.substring(1) : q);
            i = end + 1;
        } else {
            out.append("\\{");
            i++;
        }
    }

    private void group() throws UntranslatableException {
        if (!in.startsWith("(?", i) && !in.startsWith("(*", i)) {
            out.append('(');
            i++;
            return;
        }
        GroupOpening.translate(in, i, out);
        i = GroupOpening.end(in, i);
    }
}
