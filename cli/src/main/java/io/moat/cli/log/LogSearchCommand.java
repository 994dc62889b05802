// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.log;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.Converters;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.cli.options.Views;
import io.moat.store.Classification;
import io.moat.store.Destination;
import io.moat.store.LogQuery;
import io.moat.store.LogRow;
import io.moat.store.Store;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code moat log search}: newest first. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search the message log, newest first.")
public final class LogSearchCommand extends StoreSubcommand {
    @Option(names = "--sender", paramLabel = "ADDRESS", description = "Envelope sender (* is a wildcard: *@example.net).")
    @Nullable String sender;

    @Option(names = "--recipient", paramLabel = "ADDRESS", description = "Envelope recipient (* is a wildcard).")
    @Nullable String recipient;

    @Option(names = "--message-id", paramLabel = "ID", description = "Message-ID header, with its angle brackets.")
    @Nullable String messageId;

    @Option(names = "--queue-id", paramLabel = "ID", description = "Postfix queue id.")
    @Nullable String queueId;

    @Option(names = "--classification", paramLabel = "CLASS", converter = Converters.ClassificationConverter.class,
            description = "clean, spam, virus, banned, bad-header, oversized, unchecked.")
    @Nullable Classification classification;

    @Option(names = "--destination", paramLabel = "WHERE", converter = Converters.DestinationConverter.class,
            description = "delivered, tagged, quarantined, rejected, dropped, tempfailed.")
    @Nullable Destination destination;

    @Option(names = "--since", paramLabel = "TIME", converter = Converters.TimeConverter.class,
            description = "At or after: 2026-03-01T10:00:00Z, 2026-03-01, or an age like 2h, 7d.")
    @Nullable Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = Converters.TimeConverter.class, description = "Before.")
    @Nullable Instant until;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N rows (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    protected int run(Store store, Printer out) {
        List<LogRow> rows = store.messageLog().search(
                new LogQuery(sender, recipient, messageId, queueId, classification, destination, since, until, limit));
        if (out.json()) {
            out.json(rows.stream().map(Views::logRow).toList());
        } else if (rows.isEmpty()) {
            out.line("No matching messages.");
        } else {
            out.table(List.of("TIME", "QUEUE-ID", "SENDER", "RECIPIENT", "DESTINATION", "CLASS", "SCORE", "SUBJECT"),
                    rows.stream().map(r -> Views.row(Views.time(r.loggedAt()), r.queueId(), r.sender().isEmpty() ? "<>" : r.sender(),
                            r.recipient(), r.destination().label(), r.classification().label(), String.format("%.1f", r.score()),
                            r.subject())).toList());
        }
        return ExitCodes.OK;
    }
}
