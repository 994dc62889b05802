// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.rules;

import io.moat.cli.ExitCodes;
import io.moat.rules.ComputedSymbols;
import io.moat.rules.lang.LoadResult;
import io.moat.rules.lang.RuleSetLoader;
import io.moat.rules.lang.RuleSource;
import io.moat.rules.lang.Unsupported;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moat rules lint FILE...}: read rule files as the daemon would and report every problem. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check rule files: errors (which refuse the whole file) with file:line and reason, warnings, "
                + "and rules that cannot run here (eval: plugin tests, untranslatable regexes).",
            "Exit status 0 if the files would load, 1 if not."})
public final class LintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Rule files or folders of *.cf files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--with-defaults", description = "Load Moat's default rules first, so metas may refer to them.")
    boolean withDefaults;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<RuleSource> sources = new ArrayList<>();
        if (withDefaults) {
            sources.addAll(RuleSource.defaults());
        }
        for (Path f : files) {
            if (!f.toFile().exists()) {
                err.println("moat: no such file: " + f);
                return ExitCodes.FAILED;
            }
            sources.addAll(RuleSource.from(f));
        }
        return switch (RuleSetLoader.load(sources, new HashSet<>(ComputedSymbols.ALL))) {
            case LoadResult.Refused r -> {
                r.errors().forEach(e -> out.println("error: " + e));
                out.printf("%d error(s): not loaded%n", r.errors().size());
                yield ExitCodes.FAILED;
            }
            case LoadResult.Loaded l -> {
                l.warnings().forEach(w -> out.println("warning: " + w));
                for (Unsupported u : l.rules().unsupported()) {
                    out.println("unsupported: " + u);
                }
                out.printf("ok: %d rules, %d unsupported, %d warning(s)%n", l.rules().rules().size(),
                        l.rules().unsupported().size(), l.warnings().size());
                yield ExitCodes.OK;
            }
        };
    }
}
