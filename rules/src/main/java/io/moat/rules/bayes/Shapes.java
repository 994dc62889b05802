// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

/**
 * The shape of a string: letters become {@code a}/{@code A}, digits {@code 9}, runs collapse.
 * Mail software writes Date and Message-ID fields in recognisable shapes.
 */
final class Shapes {
    private Shapes() {
    }

    static String of(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), Tokenizer.MAX_TOKEN));
        char last = 0;
        for (int i = 0; i < s.length() && out.length() < 50; i++) {
            char c = s.charAt(i);
            char k = Character.isDigit(c) ? '9' : Character.isUpperCase(c) ? 'A' : Character.isLetter(c) ? 'a' : c;
            if (k != last) {
                out.append(k);
                last = k;
            }
        }
        return out.toString();
    }
}
