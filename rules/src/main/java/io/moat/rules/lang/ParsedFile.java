// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.util.List;

/** A rule file as read: its statements, the errors that refuse it, and warnings that do not. */
public record ParsedFile(String file, List<Statement> statements, List<Problem> errors, List<Problem> warnings) {
    public ParsedFile {
        statements = List.copyOf(statements);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }
}
