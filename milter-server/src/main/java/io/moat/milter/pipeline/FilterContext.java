// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.pipeline;

import io.moat.milter.session.ClientInfo;
import io.moat.milter.session.Macros;
import io.moat.milter.session.Transaction;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a filter may look at: the stage, the connection, macros, the open transaction (from MAIL
 * on), the recipient being added (at RCPT), and the clock.
 */
public record FilterContext(
        Stage stage,
        String connectionId,
        ClientInfo client,
        Macros macros,
        @Nullable Transaction transaction,
        @Nullable String recipient,
        Clock clock) {

    /** The open transaction; filters at MAIL and later may rely on it. */
    public Transaction message() {
        if (transaction == null) {
            throw new IllegalStateException("no message transaction at stage " + stage);
        }
        return transaction;
    }

    /** The Postfix queue id, known from DATA on. */
    public Optional<String> queueId() {
        return macros.get("i");
    }
}
