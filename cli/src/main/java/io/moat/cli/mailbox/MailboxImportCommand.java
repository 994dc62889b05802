// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.mailbox;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.ActorOptions;
import io.moat.cli.options.CliException;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.store.Domain;
import io.moat.store.ImportProgress;
import io.moat.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code moat mailbox import FILE.csv}: checks every row, reports the bad ones, then writes all
 * good rows in one transaction, or nothing at all when a row is bad (unless --skip-invalid).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import mailboxes from a CSV file: address[,name] per row, optional header row, UTF-8.",
            "Every row is checked first; with a bad row nothing is imported unless --skip-invalid.",
            "All rows are written in one transaction: an import is never half done."})
public final class MailboxImportCommand extends StoreSubcommand {
    static final int SHOWN_ERRORS = 20;

    @Parameters(paramLabel = "FILE.csv")
    Path file = Path.of("");

    @Option(names = "--skip-invalid", description = "Import the good rows even if some are bad.")
    boolean skipInvalid;

    @Option(names = "--errors", paramLabel = "FILE", description = "Write every bad row to FILE (the screen shows the first "
            + SHOWN_ERRORS + ").")
    @Nullable Path errorsFile;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Mixin
    ActorOptions actor;

    @Override
    protected int run(Store store, Printer out) {
        if (!Files.isReadable(file)) {
            throw new CliException("cannot read " + file);
        }
        Set<String> domains = store.domains().list().stream().map(Domain::name).collect(Collectors.toSet());
        MailboxCsv csv = new MailboxCsv(file, domains);
        List<MailboxCsv.BadRow> bad = new ArrayList<>();
        long good = csv.check(bad::add);
        report(out, bad);
        if (!bad.isEmpty() && !skipInvalid) {
            summary(out, 0, bad, "Nothing imported: " + bad.size() + " of " + (good + bad.size())
                    + " rows are invalid (fix them, or use --skip-invalid to import the rest).");
            return ExitCodes.FAILED;
        }
        ImportProgress progress = noProgress || out.json() ? ImportProgress.NONE : new ProgressBar(out.err(), good);
        long written = store.mailboxes().importAll(csv.mailboxes(), file.getFileName().toString(), actor.actor(), progress);
        summary(out, written, bad, "Imported " + written + " mailboxes from " + file
                + (bad.isEmpty() ? "." : "; skipped " + bad.size() + " invalid rows."));
        return ExitCodes.OK;
    }

    private void report(Printer out, List<MailboxCsv.BadRow> bad) {
        bad.stream().limit(SHOWN_ERRORS).forEach(b -> out.err().println(file.getFileName() + ": row " + b.row() + ": " + b.error()));
        if (bad.size() > SHOWN_ERRORS) {
            out.err().println("... and " + (bad.size() - SHOWN_ERRORS) + " more bad rows"
                    + (errorsFile == null ? " (--errors FILE lists them all)" : ""));
        }
        out.err().flush();
        if (errorsFile != null) {
            try {
                Files.write(errorsFile, bad.stream().map(b -> "row " + b.row() + ": " + b.error()).toList(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException("cannot write " + errorsFile + ": " + e.getMessage());
            }
        }
    }

    private static void summary(Printer out, long written, List<MailboxCsv.BadRow> bad, String text) {
        if (out.json()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("imported", written);
            v.put("invalid", bad.size());
            v.put("errors", bad.stream().limit(1000).map(b -> Map.of("row", b.row(), "error", b.error())).toList());
            out.json(v);
        } else if (written == 0 && !bad.isEmpty()) {
            out.error(text);
        } else {
            out.line(text);
        }
    }
}
