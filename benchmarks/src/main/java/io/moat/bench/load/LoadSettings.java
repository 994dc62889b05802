// SPDX-License-Identifier: Apache-2.0
package io.moat.bench.load;

import java.net.SocketAddress;
import java.time.Duration;

/**
 * How to load the milter.
 *
 * @param target                the milter: an InetSocketAddress or a UnixDomainSocketAddress
 *
 * @param connections           concurrent milter connections (Postfix opens one per SMTP session)
 * @param messagesPerConnection messages per connection before ABORT+QUIT and a new connection
 * @param warmup                time played but not measured
 * @param duration              measured time, used when {@code messageCount} is 0
 * @param messageCount          measured messages across all connections, 0 to measure by time
 * @param flushEachFrame        write the MACRO packet and its command in two writes; Postfix does not
 *                              (milter8.c sends both "in one VSTREAM transaction"), this is for experiments
 * @param nagle                 leave Nagle's algorithm on (no TCP_NODELAY), as Postfix's milter socket does
 * @param writeBuffer           bytes buffered before a write; Postfix's VSTREAM buffer is 4096
 */
public record LoadSettings(SocketAddress target, int connections, int messagesPerConnection, Duration warmup,
                           Duration duration, long messageCount, boolean flushEachFrame, boolean nagle, int writeBuffer) {
    public LoadSettings {
        if (connections < 1 || messagesPerConnection < 1) {
            throw new IllegalArgumentException("connections and messages per connection must be at least 1");
        }
        if (messageCount < 0 || duration.isNegative() || warmup.isNegative()) {
            throw new IllegalArgumentException("durations and counts must not be negative");
        }
        if (writeBuffer < 512) {
            throw new IllegalArgumentException("write buffer must be at least 512 bytes");
        }
        if (messageCount == 0 && duration.isZero()) {
            throw new IllegalArgumentException("give a duration or a message count");
        }
    }
}
