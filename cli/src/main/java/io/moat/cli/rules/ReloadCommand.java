// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.rules;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.DaemonConfigFile;
import io.moat.milter.config.ConfigException;
import io.moat.milter.config.MoatConfig;
import io.moat.milter.filter.spam.ContentRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code moat rules reload}: checks the daemon's rule files as the daemon would load them, and
 * only when they load signals the daemon (SIGHUP) to swap them in. A broken set is reported with
 * file, line and reason, and the daemon is left alone.
 */
@Command(name = "reload", mixinStandardHelpOptions = true,
        description = {"Check the daemon's rules and statistical filter state, then tell the running daemon to load",
            "them (SIGHUP to the pid in the config's pid-file). Nothing is signalled when the rules do not load."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the daemon was told to reload", "1:the rules do not load, or the daemon is not running", "2:bad command line"})
public final class ReloadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "The daemon's config file (default: /etc/moat/moat.yml if present).")
    @Nullable Path config;

    @Option(names = "--pid-file", paramLabel = "FILE", description = "The daemon's pid file (default: pid-file from the config, else /run/moat/moat-milter.pid).")
    @Nullable Path pidFile;

    @Option(names = "--check-only", description = "Check the rules and stop; do not signal the daemon.")
    boolean checkOnly;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MoatConfig cfg;
        try {
            cfg = DaemonConfigFile.load(config);
            new ContentRules(cfg.rules());
        } catch (ConfigException | IOException e) {
            err.println("moat: " + e.getMessage());
            err.println("moat: nothing reloaded; the daemon keeps its current rules");
            return ExitCodes.FAILED;
        }
        if (checkOnly) {
            out.println("rules load cleanly");
            return ExitCodes.OK;
        }
        Path pid = pidFile != null ? pidFile : cfg.pidFile() != null ? cfg.pidFile() : Path.of("/run/moat/moat-milter.pid");
        if (!Files.isRegularFile(pid)) {
            err.println("moat: no pid file " + pid + ": is moat-milter running with pid-file set? (systemctl reload moat-milter works too)");
            return ExitCodes.FAILED;
        }
        String id = Files.readString(pid).strip();
        if (!id.matches("\\d+")) {
            err.println("moat: pid file " + pid + " does not hold a process id");
            return ExitCodes.FAILED;
        }
        Process kill = new ProcessBuilder("kill", "-HUP", id).redirectErrorStream(true).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            err.println("moat: could not signal process " + id + ": " + new String(kill.getInputStream().readAllBytes()).strip());
            return ExitCodes.FAILED;
        }
        out.println("rules load cleanly; moat-milter (pid " + id + ") told to reload");
        return ExitCodes.OK;
    }
}
