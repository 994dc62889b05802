// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.milter.transport.ListenAddress;
import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.Classification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * moat.yml: every key has an embedded default, good values are read in every documented form, and
 * every bad value is refused with a ConfigException naming the file and the key path.
 */
class ConfigLoaderTest {
    @TempDir
    Path dir;

    private final Path defaultSpool = Path.of("/var/spool/moat");
    private final ConfigLoader loader = new ConfigLoader("gw.example.net", defaultSpool);

    private MoatConfig load(String yaml) throws Exception {
        Path f = dir.resolve("moat.yml");
        Files.writeString(f, yaml);
        return loader.load(f);
    }

    @Test
    void everyKeyHasItsDocumentedDefault() {
        MoatConfig c = loader.defaults();

        assertThat(c.listen()).containsExactly(new ListenAddress.Inet("127.0.0.1", 7357),
                new ListenAddress.Unix(Path.of("/run/moat/milter.sock")));
        assertThat(c.listenIsDefault()).isTrue();
        assertThat(c.hostname()).isEqualTo("gw.example.net");
        assertThat(c.maxConnections()).isEqualTo(512);
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.unixSocketMode()).isEqualTo("rw-rw----");
        assertThat(c.maxFrameSize()).isEqualTo(1024 * 1024);
        assertThat(c.progressInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.maxMessageSize()).isEqualTo(10L * 1024 * 1024);
        assertThat(c.memoryBuffer()).isEqualTo(1024 * 1024);
        assertThat(c.spoolDirectory()).isEqualTo(defaultSpool);
        assertThat(c.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.traceHeader()).isEqualTo("X-Moat-Status");
        assertThat(c.spamThreshold()).isEqualTo(5.0);
        for (Classification k : Classification.values()) {
            assertThat(c.actions().get(k)).as(k.label()).isEqualTo(ActionPolicy.defaultFor(k));
        }
    }

    @Test
    void storeRulesAndPolicyKeysHaveTheirDocumentedDefaults() {
        MoatConfig c = loader.defaults();

        assertThat(c.quarantineThreshold()).isEmpty();
        assertThat(c.rejectThreshold()).isEmpty();
        assertThat(c.subjectTag()).isEmpty();
        assertThat(c.store().url()).isEqualTo("jdbc:sqlite:/var/lib/moat/moat.db");
        assertThat(c.store().user()).isNull();
        assertThat(c.store().password()).isNull();
        assertThat(c.store().poolSize()).isEqualTo(10);
        assertThat(c.store().quarantineDays()).isEqualTo(15);
        assertThat(c.store().logDays()).isEqualTo(180);
        assertThat(c.rules().defaults()).isTrue();
        assertThat(c.rules().spamAssassin()).isNull();
        assertThat(c.rules().paths()).containsExactly(Path.of("/etc/moat/rules.d"));
        assertThat(c.rules().bayesState()).isEqualTo(Path.of("/var/lib/moat/bayes.state"));
        assertThat(c.pidFile()).isNull();
        assertThat(c.defaultPolicy().spamThreshold()).isEqualTo(5.0);
    }

    @Test
    void storeRulesAndPolicyKeysAreReadFromTheFile() throws Exception {
        MoatConfig c = load("""
                verdict:
                  quarantine-threshold: 8
                  reject-threshold: 15.5
                  subject-tag: "[SPAM]"
                store:
                  url: jdbc:postgresql://127.0.0.1/moat
                  user: moat
                  password: s3cret
                  pool-size: 4
                retention:
                  quarantine-days: 30
                  log-days: 90
                  audit-days: 400
                release:
                  smtp: "[::1]:10026"
                rules:
                  default: false
                  spamassassin: /usr/share/spamassassin
                  paths: [/srv/rules]
                bayes:
                  state: none
                pid-file: /run/moat/moat.pid
                """);

        assertThat(c.quarantineThreshold()).hasValue(8.0);
        assertThat(c.rejectThreshold()).hasValue(15.5);
        assertThat(c.subjectTag()).isEqualTo("[SPAM]");
        assertThat(c.store().url()).isEqualTo("jdbc:postgresql://127.0.0.1/moat");
        assertThat(c.store().user()).isEqualTo("moat");
        assertThat(c.store().poolSize()).isEqualTo(4);
        assertThat(c.store().quarantineDays()).isEqualTo(30);
        assertThat(c.store().logDays()).isEqualTo(90);
        assertThat(c.store().toString()).doesNotContain("s3cret");
        assertThat(c.rules().defaults()).isFalse();
        assertThat(c.rules().spamAssassin()).isEqualTo(Path.of("/usr/share/spamassassin"));
        assertThat(c.rules().paths()).containsExactly(Path.of("/srv/rules"));
        assertThat(c.rules().bayesState()).isNull();
        assertThat(c.pidFile()).isEqualTo(Path.of("/run/moat/moat.pid"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "store: {url: 'mysql://localhost/moat'}      | store.url",
            "store: {pool-size: 0}                       | store.pool-size",
            "store: {pool-size: 501}                     | store.pool-size",
            "store: {database: x}                        | store.database",
            "release: {smtp: localhost}                  | release.smtp",
            "retention: {quarantine-days: 0}             | retention.quarantine-days",
            "retention: {log-days: forever}              | retention.log-days",
            "retention: {audit-days: 36501}              | retention.audit-days",
            "rules: {default: 'yes'}                     | rules.default",
            "rules: {paths: [[a]]}                       | rules.paths[0]",
            "bayes: {file: x}                            | bayes.file",
            "verdict: {quarantine-threshold: high}       | verdict.quarantine-threshold",
            "verdict: {reject-threshold: [1]}            | verdict.reject-threshold",
    })
    void badStoreRulesAndPolicyValuesNameTheKeyPath(String yaml, String keyPath) {
        assertThatThrownBy(() -> load(yaml + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir.resolve("moat.yml") + ": " + keyPath + ":");
    }

    @Test
    void multiLineSubjectTagIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> load("verdict:\n  subject-tag: \"[SPAM]\\nBcc: x\"\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("verdict.subject-tag");
    }

    @Test
    void emptyFileMeansEveryDefault() throws Exception {
        assertThat(load("")).isEqualTo(loader.defaults());
        assertThat(load("# only a comment\n")).isEqualTo(loader.defaults());
    }

    @Test
    void everyKeyIsReadFromTheFile() throws Exception {
        MoatConfig c = load("""
                listen:
                  - inet:[::1]:10025
                  - unix:/tmp/moat/milter.sock
                hostname: mx1.example.org
                connections:
                  max: 64
                  idle-timeout: 90s
                  unix-socket-mode: rw-rw-rw-
                protocol:
                  max-frame-size: 2MiB
                  progress-interval: 1500ms
                  no-reply: all
                limits:
                  max-message-size: 25MB
                  memory-buffer: 512KiB
                  spool-directory: /var/tmp/moat
                shutdown:
                  grace: 2m
                trace:
                  header: X-Scanned-By
                verdict:
                  spam-threshold: 6.5
                  actions:
                    spam: quarantine
                    bad-header: reject
                """);

        assertThat(c.listen()).containsExactly(new ListenAddress.Inet("::1", 10025),
                new ListenAddress.Unix(Path.of("/tmp/moat/milter.sock")));
        assertThat(c.listenIsDefault()).isFalse();
        assertThat(c.hostname()).isEqualTo("mx1.example.org");
        assertThat(c.maxConnections()).isEqualTo(64);
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.unixSocketMode()).isEqualTo("rw-rw-rw-");
        assertThat(c.maxFrameSize()).isEqualTo(2 * 1024 * 1024);
        assertThat(c.progressInterval()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.noReply()).isEqualTo(io.moat.milter.session.NoReply.ALL);
        assertThat(c.maxMessageSize()).isEqualTo(25_000_000L);
        assertThat(c.memoryBuffer()).isEqualTo(512 * 1024);
        assertThat(c.spoolDirectory()).isEqualTo(Path.of("/var/tmp/moat"));
        assertThat(c.shutdownGrace()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.traceHeader()).isEqualTo("X-Scanned-By");
        assertThat(c.spamThreshold()).isEqualTo(6.5);
        assertThat(c.actions()).containsEntry(Classification.SPAM, Action.QUARANTINE)
                .containsEntry(Classification.BAD_HEADER, Action.REJECT)
                .containsEntry(Classification.VIRUS, Action.REJECT);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "10485760, 10485760", "1024B, 1024", "1K, 1024", "1KiB, 1024", "1kb, 1000", "3MB, 3000000",
            "3MiB, 3145728", "2M, 2097152", "1GB, 1000000000", "1GiB, 1073741824", "1g, 1073741824", "'7 MiB', 7340032"})
    void sizesAreReadWithEveryUnit(String text, long bytes) throws Exception {
        assertThat(load("limits:\n  max-message-size: " + text + "\n").maxMessageSize()).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"250ms, PT0.25S", "30s, PT30S", "10m, PT10M", "2h, PT2H", "1d, PT24H", "'5 s', PT5S"})
    void durationsAreReadWithEveryUnit(String text, String iso) throws Exception {
        assertThat(load("shutdown:\n  grace: " + text + "\n").shutdownGrace()).isEqualTo(Duration.parse(iso));
    }

    @Test
    void singleListenAddressMayBeGivenWithoutAList() throws Exception {
        assertThat(load("listen: inet:127.0.0.1:0\n").listen()).containsExactly(new ListenAddress.Inet("127.0.0.1", 0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "connections: {max: 0}                       | connections.max",
            "connections: {max: 100001}                  | connections.max",
            "connections: {max: many}                    | connections.max",
            "connections: {max: 1.5}                     | connections.max",
            "connections: {idle-timeout: 10 minutes}     | connections.idle-timeout",
            "connections: {idle-timeout: 10}             | connections.idle-timeout",
            "connections: {unix-socket-mode: '0660'}     | connections.unix-socket-mode",
            "protocol: {max-frame-size: 64KiB}           | protocol.max-frame-size",
            "protocol: {max-frame-size: 65MiB}           | protocol.max-frame-size",
            "protocol: {max-frame-size: 1TiB}            | protocol.max-frame-size",
            "protocol: {progress-interval: 0s}           | protocol.progress-interval",
            "protocol: {progress-interval: soon}         | protocol.progress-interval",
            "protocol: {no-reply: sometimes}             | protocol.no-reply",
            "limits: {max-message-size: 0}               | limits.max-message-size",
            "limits: {max-message-size: ten}             | limits.max-message-size",
            "limits: {max-message-size: -5}              | limits.max-message-size",
            "limits: {memory-buffer: 512MiB}             | limits.memory-buffer",
            "limits: {spool-directory: ''}               | limits.spool-directory",
            "limits: {spool-directory: [a, b]}           | limits.spool-directory",
            "shutdown: {grace: later}                    | shutdown.grace",
            "trace: {header: X Moat}                     | trace.header",
            "trace: {header: 'X-Moat:'}                  | trace.header",
            "verdict: {spam-threshold: high}             | verdict.spam-threshold",
            "verdict: {actions: {spam: explode}}         | verdict.actions.spam",
            "verdict: {actions: {ham: deliver}}          | verdict.actions.ham",
            "hostname: ''                                | hostname",
            "listen: []                                  | listen",
            "listen: [tcp:127.0.0.1:25]                  | listen[0]",
            "listen: [inet:127.0.0.1:25, unix:relative]  | listen[1]",
            "listen: [{inet: 1}]                         | listen[0]",
            "lissen: [inet:127.0.0.1:25]                 | lissen",
            "limits: {max-size: 1}                       | limits.max-size",
            "limits: 5                                   | limits",
    })
    void badValueIsRefusedNamingTheKeyPath(String yaml, String keyPath) {
        assertThatThrownBy(() -> load(yaml + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir.resolve("moat.yml") + ": " + keyPath + ":");
    }

    @Test
    void unknownKeyMessageListsTheKnownOnes() {
        assertThatThrownBy(() -> load("limits:\n  max-size: 1\n"))
                .hasMessageContaining("unknown key")
                .hasMessageContaining("max-message-size, memory-buffer, spool-directory");
    }

    @Test
    void badYamlIsReportedWithItsLineNumber() {
        assertThatThrownBy(() -> load("limits:\n  max-message-size: 10MiB\n  spool-directory: [unclosed\nhostname: x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML")
                .hasMessageMatching("(?s).*\\(line [0-9]+\\).*");
    }

    @Test
    void badIndentationOnTheFourthLineNamesLineFour() {
        assertThatThrownBy(() -> load("hostname: a\nlimits:\n  max-message-size: 1\n max: 2\n"))
                .hasMessageContaining("not valid YAML")
                .hasMessageEndingWith("(line 4)");
    }

    @Test
    void tabIndentationNamesTheLineOfTheTab() {
        assertThatThrownBy(() -> load("hostname: a\nshutdown: x\n\tgrace: 1s\n"))
                .hasMessageContaining("line 3, column 1");
    }

    @Test
    void missingFileIsNamed() {
        Path nowhere = dir.resolve("nope.yml");

        assertThatThrownBy(() -> loader.load(nowhere)).isInstanceOf(ConfigException.class)
                .hasMessage(nowhere + ": no such file");
    }

    @Test
    void topLevelMustBeAMapping() {
        assertThatThrownBy(() -> load("- a\n- b\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("(top level): expected a mapping of keys");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "limits: {max-message-size: 99999999999999999999}  | limits.max-message-size",
            "limits: {max-message-size: 99999999999G}           | limits.max-message-size",
            "shutdown: {grace: 99999999999999999999s}           | shutdown.grace",
            "shutdown: {grace: 999999999999999999d}             | shutdown.grace",
            "shutdown: {grace: 9999999999999s}                  | shutdown.grace",
    })
    void numbersTooLargeToUseAreRefusedNamingTheKeyPath(String yaml, String keyPath) {
        assertThatThrownBy(() -> load(yaml + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(keyPath);
    }
}
