// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.mailbox;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.cli.options.Views;
import io.moat.store.Mailbox;
import io.moat.store.Store;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code moat mailbox list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List mailboxes by address.")
public final class MailboxListCommand extends StoreSubcommand {
    @Option(names = "--domain", paramLabel = "DOMAIN", description = "Only this domain's.")
    @Nullable String domain;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    protected int run(Store store, Printer out) {
        List<Mailbox> boxes = store.mailboxes().list(domain, limit);
        if (out.json()) {
            out.json(boxes.stream().map(Views::mailbox).toList());
        } else if (boxes.isEmpty()) {
            out.line("No mailboxes.");
        } else {
            out.table(List.of("ADDRESS", "NAME"), boxes.stream().map(m -> Views.row(m.address(), m.name())).toList());
        }
        return ExitCodes.OK;
    }
}
