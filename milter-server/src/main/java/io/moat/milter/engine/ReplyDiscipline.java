// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

import io.moat.milter.protocol.CommandCode;
import io.moat.milter.protocol.Response;
import io.moat.milter.session.Negotiated;
import java.util.List;

/**
 * Guarantees the milter rule Postfix cannot check for itself: exactly one terminal reply to each
 * command that expects one, modifications only before the final reply to end of message, and
 * nothing at all for commands that expect no reply. An extra reply desynchronises Postfix
 * silently, so a violation is a bug and fails loudly here instead.
 */
final class ReplyDiscipline {
    private ReplyDiscipline() {
    }

    static void check(CommandCode code, Negotiated negotiated, List<Response> replies) {
        if (!negotiated.expectsReply(code)) {
            if (!replies.isEmpty()) {
                throw new IllegalStateException(code + " expects no reply but got " + replies);
            }
            return;
        }
        if (replies.isEmpty() || !replies.get(replies.size() - 1).terminal()) {
            throw new IllegalStateException(code + " needs exactly one final reply, got " + replies);
        }
        for (int i = 0; i < replies.size() - 1; i++) {
            Response r = replies.get(i);
            if (r.terminal()) {
                throw new IllegalStateException(code + " got more than one final reply: " + replies);
            }
            if (code != CommandCode.SMFIC_BODYEOB) {
                throw new IllegalStateException(code + " may not carry modification " + r);
            }
        }
    }
}
