// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Whatever an admin writes in moat.yml, the loader either returns a usable config or a
 * ConfigException: never another exception that would kill the daemon with a stack trace.
 */
class ConfigLoaderFuzzProperties {
    private Path dir;

    @BeforeTry
    void createDir() throws Exception {
        dir = Files.createTempDirectory("moat-config-fuzz");
    }

    @AfterTry
    void removeDir() throws Exception {
        Files.deleteIfExists(dir.resolve("moat.yml"));
        Files.delete(dir);
    }

    @Property(tries = 400)
    void anyFileEndsInAConfigOrAConfigException(@ForAll("files") String yaml) throws Exception {
        Path f = Files.writeString(dir.resolve("moat.yml"), yaml);
        try {
            MoatConfig c = new ConfigLoader("gw", dir).load(f);
            assertThat(c.listen()).isNotEmpty();
            assertThat(c.maxFrameSize()).isGreaterThan(65536);
            assertThat(c.maxMessageSize()).isPositive();
            c.shutdownGrace().toNanos();
            c.idleTimeout().toNanos();
            c.progressInterval().toNanos();
        } catch (ConfigException expected) {
            assertThat(expected.getMessage()).startsWith(f.toString());
        }
    }

    @Provide
    Arbitrary<String> files() {
        Arbitrary<String> section = Arbitraries.of("connections", "protocol", "limits", "shutdown", "trace", "verdict",
                "store", "retention", "release", "rules", "bayes", "nonsense");
        Arbitrary<String> key = Arbitraries.of("max", "idle-timeout", "unix-socket-mode", "max-frame-size",
                "progress-interval", "max-message-size", "memory-buffer", "spool-directory", "grace", "header",
                "spam-threshold", "quarantine-threshold", "reject-threshold", "subject-tag", "url", "pool-size",
                "quarantine-days", "log-days", "audit-days", "smtp", "default", "paths", "state", "other");
        Arbitrary<String> value = Arbitraries.oneOf(List.of(
                Arbitraries.of("0", "1", "-1", "1.5", "true", "no", "~", "''", "[]", "{}", "[a, b]", "{x: 1}",
                        "10MiB", "99999999999999999999", "9999999999G", "30s", "0ms", "999999999999999999d",
                        "inet:127.0.0.1:0", "unix:/tmp/x", "rw-r-----", "X-Moat", "jdbc:sqlite:/tmp/m.db", "\"a\\nb\""),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12).map(s -> "'" + s.replace("'", "''") + "'")));
        Arbitrary<String> entry = Combinators.combine(section, key, value)
                .as((s, k, v) -> s + ":\n  " + k + ": " + v + "\n");
        Arbitrary<String> junk = Arbitraries.strings().withCharRange((char) 1, (char) 126).ofMaxLength(40);
        return Arbitraries.oneOf(
                entry.list().ofMaxSize(4).map(l -> String.join("", l)),
                junk,
                Combinators.combine(entry, junk).as((e, j) -> e + j));
    }
}
