// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.milter.testkit.TestDaemon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found while testing issue 2 (milter daemon): to replace a stale socket left by a crash, the
 * unix listener deleted whatever file was at the configured path before binding. A typo in
 * {@code listen: unix:...} (say, a path to a config or data file) silently deleted that file,
 * with root's rights when the daemon starts as root. Only a socket is removed now; any other file
 * makes the listener fail with the path named, and the file stays.
 */
class Issue2UnixListenerDeletesFilesTest {
    @TempDir
    Path dir;

    @Test
    void fileThatIsNotASocketIsNeverDeletedToMakeRoom() throws Exception {
        Path precious = Files.writeString(dir.resolve("moat.db"), "somebody's data\n");

        assertThatThrownBy(() -> TestDaemon.start(dir, "listen: [\"unix:" + precious + "\"]\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(precious + " exists and is not a socket");
        assertThat(precious).hasContent("somebody's data");
    }

    @Test
    void directoryAtTheSocketPathIsLeftAlone() throws Exception {
        Path directory = Files.createDirectories(dir.resolve("sockdir"));
        Files.writeString(directory.resolve("keep"), "x");

        assertThatThrownBy(() -> TestDaemon.start(dir, "listen: [\"unix:" + directory + "\"]\n"))
                .isInstanceOf(IOException.class);
        assertThat(directory.resolve("keep")).exists();
    }
}
