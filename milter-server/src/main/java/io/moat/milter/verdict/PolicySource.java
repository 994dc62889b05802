// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

/**
 * Where recipients' policies come from: the config file's defaults, or the store's per-domain and
 * per-mailbox settings over them.
 */
@FunctionalInterface
public interface PolicySource {
    RecipientPolicy forRecipient(String recipient);

    /** The same policy for everyone. */
    static PolicySource fixed(RecipientPolicy policy) {
        return recipient -> policy;
    }
}
