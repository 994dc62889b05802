// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The list checks of one SMTP session: the client lookups started at CONNECT, and the answers
 * for the current sender's domain, recorded at MAIL for the RCPT checks of that transaction.
 */
final class ConnectionChecks {
    private final String address;
    private final PendingLookups client;
    private volatile @Nullable SenderAnswers sender;

    /** The answers for one envelope sender. */
    record SenderAnswers(String sender, List<ZoneAnswer> answers) {
    }

    ConnectionChecks(String address, PendingLookups client) {
        this.address = address;
        this.client = client;
    }

    String address() {
        return address;
    }

    PendingLookups client() {
        return client;
    }

    List<ZoneAnswer> senderAnswers(String senderAddress) {
        SenderAnswers s = sender;
        return s != null && s.sender().equals(senderAddress) ? s.answers() : List.of();
    }

    void recordSender(String senderAddress, List<ZoneAnswer> answers) {
        sender = new SenderAnswers(senderAddress, List.copyOf(answers));
    }
}
