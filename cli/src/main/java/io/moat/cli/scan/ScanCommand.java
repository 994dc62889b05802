// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.moat.cli.ExitCodes;
import io.moat.cli.options.DaemonConfigFile;
import io.moat.cli.OutputOptions;
import io.moat.milter.Daemon;
import io.moat.milter.config.ConfigException;
import io.moat.milter.config.MoatConfig;
import io.moat.milter.offline.OfflineScan;
import io.moat.milter.offline.ScanReport;
import io.moat.milter.verdict.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code moat scan FILE...}: the daemon's content pipeline on message files, offline. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Run Moat's pipeline (header checks, content rules, statistical filter, attachments,",
            "antivirus where configured) on message files, as the daemon would at end of message, and print",
            "the classification, SpamScore, action and each finding. Folders are scanned file by file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file was scanned", "1:a file could not be read or the config is bad", "2:bad command line"})
public final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Message files (RFC 5322; an mbox From line is fine) or folders of them.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "The daemon's config file (default: /etc/moat/moat.yml if present).")
    @Nullable Path config;

    @Option(names = "--recipient", paramLabel = "ADDRESS",
            description = {"Judge as the daemon would for this recipient: its mailbox's or domain's policy from the store",
                "(moat policy set) over the config file's (actions, thresholds, banned file types). Default: the global policy."})
    @Nullable String recipient;

    @Option(names = "--explain", description = "Show each finding's detail, with the statistical filter's strongest tokens.")
    boolean explain;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OfflineScan scanner;
        try {
            MoatConfig loaded = DaemonConfigFile.load(config);
            scanner = Daemon.offline(loaded, Clock.systemUTC());
            if (recipient != null) {
                scanner = scanner.forRecipient(Daemon.policyFor(loaded, recipient.strip().toLowerCase(Locale.ROOT),
                        Clock.systemUTC()));
            }
        } catch (ConfigException | IOException | RuntimeException e) {
            err.println("moat: cannot set up the pipeline: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        int status = ExitCodes.OK;
        for (Path f : expand(err)) {
            if (!Files.isRegularFile(f)) {
                err.println("moat: " + f + ": no such file");
                status = ExitCodes.FAILED;
                continue;
            }
            try {
                print(out, scanner.scan(f.toString(), Files.readAllBytes(f)));
            } catch (IOException | RuntimeException e) {
                err.println("moat: " + f + ": " + e.getMessage());
                status = ExitCodes.FAILED;
            }
        }
        out.flush();
        return status;
    }

    private List<Path> expand(PrintWriter err) {
        List<Path> out = new ArrayList<>();
        for (Path p : files) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile).sorted().forEach(out::add);
                } catch (IOException e) {
                    err.println("moat: " + p + ": " + e.getMessage());
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private void print(PrintWriter out, ScanReport r) throws IOException {
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", r.file());
            json.put("classification", r.classification().label());
            json.put("score", r.score());
            json.put("action", r.action().label());
            List<Map<String, Object>> findings = new ArrayList<>();
            for (Finding f : r.findings()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("symbol", f.symbol());
                m.put("weight", f.weight());
                m.put("detail", f.detail());
                findings.add(m);
            }
            json.put("findings", findings);
            out.println(new ObjectMapper().writeValueAsString(json));
            return;
        }
        out.printf(Locale.ROOT, "%s: %s, score %.2f, action %s%n", r.file(), r.classification().label(), r.score(), r.action().label());
        r.findings().stream().sorted((a, b) -> Double.compare(Math.abs(b.weight()), Math.abs(a.weight()))).forEach(f -> {
            String detail = f.detail();
            if (!explain && detail.length() > 60) {
                detail = detail.substring(0, 57) + "...";
            }
            out.printf(Locale.ROOT, "  %8.2f  %-28s %s%n", f.weight(), f.symbol(), detail);
        });
    }
}
