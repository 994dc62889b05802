// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.util.List;
import java.util.regex.Pattern;

/** One compiled test of a rule file; its weight and description live in the {@link RuleSet}. */
public sealed interface Rule {
    String name();

    /**
     * {@code header NAME Field[:mod] =~ /re/} (or {@code !~}), with an optional if-unset value;
     * the pattern cannot match a value that contains none of {@code literals} (empty: unknown).
     */
    record HeaderTest(String name, HeaderSelector selector, Pattern pattern, boolean negated, String ifUnset,
            List<String> literals, boolean literalsIgnoreCase) implements Rule {
        public HeaderTest {
            literals = List.copyOf(literals);
        }
    }

    /** {@code header NAME exists:Field}. */
    record Exists(String name, String field) implements Rule {
    }

    /**
     * {@code body}, {@code rawbody}, {@code full} or {@code uri}: a pattern over one of the
     * message's texts, skipped when the text contains none of {@code literals}, and tried only
     * where one of {@code leading} occurs when that is known (each empty: no shortcut), else only
     * where a character of {@code start} occurs.
     */
    record TextTest(String name, Target target, Pattern pattern, List<String> literals, List<String> leading,
            boolean literalsIgnoreCase, StartChars start) implements Rule {
        public TextTest {
            literals = List.copyOf(literals);
            leading = List.copyOf(leading);
        }
    }

    /** {@code meta NAME expression}. */
    record Meta(String name, MetaExpression expression) implements Rule {
    }

    /** Which text a {@link TextTest} reads. */
    enum Target {
        BODY, RAWBODY, FULL, URI
    }
}
