// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The postfix-conf/ fragments as Postfix itself reads them: {@code postconf -n} for main.cf and
 * {@code postconf -P} for the master.cf service, with no warning (a misspelt parameter name makes
 * postconf warn "unused parameter", which fails here).
 */
class PostfixConfTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private static Path postconf;
    private static Map<String, String> main;
    private static Map<String, String> master;
    private static String warnings;

    @BeforeAll
    static void loadFragments() {
        postconf = Prerequisites.program("postconf");
        PostfixConf.writeFragmentsOnly(dir);
        Exec.Result n = Exec.run(TIMEOUT, postconf.toString(), "-c", dir.toString(), "-n").requireSuccess();
        Exec.Result p = Exec.run(TIMEOUT, postconf.toString(), "-c", dir.toString(), "-P").requireSuccess();
        main = parse(n.output());
        master = parse(p.output());
        warnings = (n.output() + p.output()).lines().filter(l -> l.contains("warning")).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void postconfReportsNoWarningsForTheFragments() {
        assertThat(warnings).isEmpty();
    }

    @Test
    void everySmtpSessionIsHandedToMoatWithProtocolSix() {
        assertThat(main).containsEntry("smtpd_milters", "inet:127.0.0.1:7357")
                .containsEntry("milter_protocol", "6")
                .containsEntry("non_smtpd_milters", "");
    }

    @Test
    void aMilterFailureTempfailsInsteadOfAcceptingOrRejecting() {
        assertThat(main).containsEntry("milter_default_action", "tempfail");
    }

    @Test
    void milterTimeoutsAreSetExplicitly() {
        assertThat(main).containsEntry("milter_connect_timeout", "10s")
                .containsEntry("milter_command_timeout", "30s")
                .containsEntry("milter_content_timeout", "120s");
    }

    @Test
    void macrosCarryQueueIdClientAndAuthenticatedUser() {
        assertThat(main.get("milter_connect_macros")).contains("{client_addr}", "{client_name}");
        assertThat(main.get("milter_mail_macros").split(" ")).contains("i", "{auth_authen}");
        for (String stage : new String[] {"rcpt", "data", "end_of_header", "end_of_data"}) {
            assertThat(main.get("milter_" + stage + "_macros").split(" ")).as(stage).contains("i");
        }
    }

    @Test
    void acceptedMailIsKeptInTheQueueForFifteenDays() {
        assertThat(main).containsEntry("maximal_queue_lifetime", "15d");
    }

    @Test
    void reinjectionListenerSkipsEveryMilterAndAcceptsOnlyLoopback() {
        String svc = PostfixConf.SHIPPED_REINJECT_ADDRESS + "/inet/";
        assertThat(master).containsEntry(svc + "smtpd_milters", "")
                .containsEntry(svc + "content_filter", "")
                .containsEntry(svc + "mynetworks", "127.0.0.0/8,[::1]/128")
                .containsEntry(svc + "smtpd_client_restrictions", "permit_mynetworks,reject")
                .containsEntry(svc + "smtpd_relay_restrictions", "permit_mynetworks,reject");
        assertThat(master.get(svc + "receive_override_options").split(",")).contains("no_milters");
    }

    /** Parses postconf's {@code name = value} lines; warnings and other lines are left out. */
    private static Map<String, String> parse(String output) {
        Map<String, String> out = new LinkedHashMap<>();
        output.lines().filter(l -> l.contains(" =") && !l.startsWith("postconf:")).forEach(l -> {
            int eq = l.indexOf(" =");
            out.put(l.substring(0, eq).trim(), l.substring(eq + 2).trim());
        });
        return out;
    }
}
