// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.util.Set;

/** One meaningful line of a rule file, as {@link RuleFileParser} read it. */
public sealed interface Statement {
    record Define(Rule rule) implements Statement {
    }

    record Score(String rule, double weight) implements Statement {
    }

    record Describe(String rule, String text) implements Statement {
    }

    record Tflags(String rule, Set<String> flags) implements Statement {
    }

    record Skip(Unsupported unsupported) implements Statement {
    }

    record RequiredScore(double threshold) implements Statement {
    }
}
