// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.cli.MoatCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every store command answers --help with its usage and exit code 0. */
class HelpTest {
    private static final Set<String> NOUNS = Set.of("quarantine", "log", "domain", "mailbox", "policy", "user", "audit", "store");

    @Test
    void everyStoreCommandHasHelp() {
        List<List<String>> paths = new ArrayList<>();
        CommandLine root = MoatCommand.commandLine();
        for (String noun : NOUNS) {
            CommandLine n = root.getSubcommands().get(noun);
            assertThat(n).as(noun).isNotNull();
            paths.add(List.of(noun));
            n.getSubcommands().keySet().forEach(verb -> paths.add(List.of(noun, verb)));
        }
        assertThat(paths).hasSizeGreaterThan(30);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun r = CliRun.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(path + "\n" + r).isZero();
            assertThat(r.out()).as(path.toString()).startsWith("Usage: moat " + String.join(" ", path));
        }
    }

    @Test
    void storeCommandsDocumentStoreConfigAndJson() {
        CliRun r = CliRun.run("quarantine", "list", "--help");
        assertThat(r.out()).contains("--store=URL", "MOAT_STORE", "--config=FILE", "--json");
    }

    @Test
    void anUnknownVerbIsAUsageError() {
        CliRun r = CliRun.run("quarantine", "explode");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("explode");
    }
}
