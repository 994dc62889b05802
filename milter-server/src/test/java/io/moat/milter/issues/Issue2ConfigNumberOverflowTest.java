// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.issues;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.milter.config.ConfigException;
import io.moat.milter.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found while testing issue 2 (milter daemon): a size or duration in moat.yml too large for a long
 * escaped the loader as a bare {@code ArithmeticException} ("long overflow"), so the daemon died
 * with a stack trace instead of a config error; a number with too many digits was reported
 * without the key it came from. Both now name the file and key path like every other bad value.
 */
class Issue2ConfigNumberOverflowTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "limits:\\n  max-message-size: 99999999999G       | limits.max-message-size: size too large",
            "limits:\\n  max-message-size: 99999999999999999999 | limits.max-message-size: size too large",
            "shutdown:\\n  grace: 999999999999999999d          | shutdown.grace: duration too large",
            "protocol:\\n  progress-interval: 99999999999999999999s | protocol.progress-interval: duration too large",
    })
    void overflowingNumberIsAConfigErrorNamingTheKey(String yaml, String message) throws Exception {
        Path f = Files.writeString(dir.resolve("moat.yml"), yaml.replace("\\n", "\n") + "\n");

        assertThatThrownBy(() -> new ConfigLoader("gw", dir).load(f))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(f + ": " + message);
    }
}
