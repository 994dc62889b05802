// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.util.Map;

/** POSIX bracket class names and their Java property names. */
final class PosixClasses {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("alpha", "Alpha"), Map.entry("digit", "Digit"), Map.entry("alnum", "Alnum"),
            Map.entry("upper", "Upper"), Map.entry("lower", "Lower"), Map.entry("space", "Space"),
            Map.entry("punct", "Punct"), Map.entry("print", "Print"), Map.entry("graph", "Graph"),
            Map.entry("cntrl", "Cntrl"), Map.entry("xdigit", "XDigit"), Map.entry("blank", "Blank"),
            Map.entry("ascii", "ASCII"));

    private PosixClasses() {
    }

    static String javaName(String posix) {
        return NAMES.get(posix);
    }
}
