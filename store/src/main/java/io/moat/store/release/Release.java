// SPDX-License-Identifier: Apache-2.0
package io.moat.store.release;

import java.util.List;

/**
 * A done release.
 *
 * @param id the quarantine id
 * @param recipients who the message went to
 * @param target where it was re-injected
 * @param reply the SMTP server's answer to the message, e.g. {@code 250 2.0.0 Ok: queued as 4XyZ}
 */
public record Release(long id, List<String> recipients, String target, String reply) {
    public Release {
        recipients = List.copyOf(recipients);
    }
}
