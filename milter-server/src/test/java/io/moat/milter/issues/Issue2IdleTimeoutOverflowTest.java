// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.testkit.MilterTestClient;
import io.moat.milter.testkit.TestDaemon;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found while testing issue 2 (milter daemon): {@code connections.idle-timeout} was handed to the
 * socket as {@code (int) millis}. From about 25 days on (say {@code 30d}, chosen to mean "never")
 * it wrapped negative, {@code setSoTimeout} threw, and the exception killed the accept thread:
 * the daemon kept running but never answered a connection again, and Postfix timed out on every
 * message. A timeout longer than a socket can hold is now the longest it can hold.
 */
class Issue2IdleTimeoutOverflowTest {
    @TempDir
    Path dir;

    @Test
    void veryLongIdleTimeoutStillServesEveryConnection() throws Exception {
        try (TestDaemon daemon = TestDaemon.start(dir, "connections:\n  idle-timeout: 30d\n")) {
            for (int i = 0; i < 2; i++) {
                try (MilterTestClient c = daemon.connect()) {
                    c.readTimeout(Duration.ofSeconds(3));
                    assertThat(c.negotiate(MilterTestClient.POSTFIX_OFFER).version()).isEqualTo(6);
                }
            }
        }
    }
}
