// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.util.List;

/** The outcome of loading rule files: a rule set (with warnings), or a refusal with every error. */
public sealed interface LoadResult {
    record Loaded(RuleSet rules, List<Problem> warnings) implements LoadResult {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    record Refused(List<Problem> errors) implements LoadResult {
        public Refused {
            errors = List.copyOf(errors);
        }
    }
}
