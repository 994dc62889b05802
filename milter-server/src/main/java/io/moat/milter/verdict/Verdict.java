// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

/**
 * What should happen to a message (or, at RCPT, to one recipient). A value, never an exception;
 * consumers switch over it exhaustively so a new case breaks the build where it must be handled.
 */
public sealed interface Verdict {
    /** No decision yet: go on to the next filter or stage. */
    record Continue() implements Verdict {
    }

    /** Deliver without further filtering. */
    record Deliver() implements Verdict {
    }

    /** Refuse with a permanent error. */
    record Reject(SmtpReply reply) implements Verdict {
    }

    /** Refuse for now; the sender retries. The answer when in doubt. */
    record TempFail(SmtpReply reply) implements Verdict {
    }

    /** Accept and hold the message in quarantine instead of delivering it. */
    record Quarantine(String reason) implements Verdict {
    }

    /** Accept and silently discard. Only ever by explicit policy. */
    record Drop(String reason) implements Verdict {
    }

    Continue CONTINUE = new Continue();

    /** The word for this verdict in logs. */
    default String action() {
        return switch (this) {
            case Continue c -> "deliver";
            case Deliver d -> "deliver";
            case Reject r -> "reject";
            case TempFail t -> "tempfail";
            case Quarantine q -> "quarantine";
            case Drop d -> "drop";
        };
    }
}
