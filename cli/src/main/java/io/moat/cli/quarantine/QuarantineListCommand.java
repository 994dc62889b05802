// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.quarantine;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.Converters;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.cli.options.Views;
import io.moat.store.Classification;
import io.moat.store.QuarantineQuery;
import io.moat.store.QuarantinedMessage;
import io.moat.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code moat quarantine list}: newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List quarantined messages, newest first.")
public final class QuarantineListCommand extends StoreSubcommand {
    @Option(names = "--recipient", paramLabel = "ADDRESS", description = "Only for this recipient (* is a wildcard).")
    @Nullable String recipient;

    @Option(names = "--sender", paramLabel = "ADDRESS", description = "Only from this sender (* is a wildcard).")
    @Nullable String sender;

    @Option(names = "--classification", paramLabel = "CLASS", converter = Converters.ClassificationConverter.class,
            description = "Only this class: spam, virus, banned, bad-header, oversized, unchecked, clean.")
    @Nullable Classification classification;

    @Option(names = "--since", paramLabel = "TIME", converter = Converters.TimeConverter.class,
            description = "Received at or after: 2026-03-01T10:00:00Z, 2026-03-01, or an age like 2h, 7d.")
    @Nullable Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = Converters.TimeConverter.class, description = "Received before.")
    @Nullable Instant until;

    @Option(names = "--released", description = "Include messages already released to every recipient.")
    boolean released;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N messages (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    protected int run(Store store, Printer out) {
        List<QuarantinedMessage> found = store.quarantine().list(
                new QuarantineQuery(recipient, sender, classification, since, until, released, limit));
        if (out.json()) {
            out.json(found.stream().map(Views::quarantined).toList());
        } else if (found.isEmpty()) {
            out.line("No quarantined messages.");
        } else {
            out.table(List.of("ID", "RECEIVED", "CLASS", "SCORE", "SENDER", "RECIPIENTS", "SUBJECT"),
                    found.stream().map(QuarantineListCommand::row).toList());
        }
        return ExitCodes.OK;
    }

    private static List<String> row(QuarantinedMessage m) {
        String recipients = m.recipients().stream().map(r -> r.address() + (r.released() ? " (released)" : ""))
                .collect(Collectors.joining(","));
        return Views.row(m.id(), Views.time(m.receivedAt()), m.classification().label(), String.format("%.1f", m.score()),
                m.sender().isEmpty() ? "<>" : m.sender(), recipients, m.subject());
    }
}
