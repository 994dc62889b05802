// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import java.util.List;

/**
 * Where recipients' policies come from: the config file's defaults and per-domain settings, or
 * the store's per-domain and per-mailbox settings over them.
 */
@FunctionalInterface
public interface PolicySource {
    RecipientPolicy forRecipient(String recipient);

    /**
     * Whether a message the antivirus could not scan may go to these recipients: only when every
     * one of them chose fail-open (pass-through recipients have; a message without recipients
     * follows the default policy). One recipient that did not means the whole message waits.
     */
    default boolean mayDeliverUnscanned(List<String> recipients) {
        if (recipients.isEmpty()) {
            return forRecipient("").antivirusFailOpen();
        }
        return recipients.stream().allMatch(r -> forRecipient(r).antivirusFailOpen());
    }

    /** The same policy for everyone. */
    static PolicySource fixed(RecipientPolicy policy) {
        return recipient -> policy;
    }
}
