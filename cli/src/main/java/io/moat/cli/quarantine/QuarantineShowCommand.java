// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.quarantine;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.CliException;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.cli.options.Views;
import io.moat.store.QuarantinedMessage;
import io.moat.store.QuarantinedRecipient;
import io.moat.store.Store;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code moat quarantine show ID}: metadata and headers, or the raw message. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a quarantined message's details and headers.")
public final class QuarantineShowCommand extends StoreSubcommand {
    @Parameters(paramLabel = "ID", description = "The quarantine id (from 'moat quarantine list').")
    long id;

    @Option(names = "--raw", description = "Print the whole message exactly as received instead.")
    boolean raw;

    @Override
    protected int run(Store store, Printer out) {
        QuarantinedMessage m = store.quarantine().find(id).orElseThrow(() -> new CliException("no quarantined message with id " + id));
        byte[] content = store.quarantine().content(id).orElseThrow(() -> new CliException("no quarantined message with id " + id));
        String text = new String(content, StandardCharsets.UTF_8);
        if (raw) {
            out.out().print(text);
            out.out().flush();
        } else if (out.json()) {
            Map<String, Object> v = Views.quarantined(m);
            v.put("headers", headers(text));
            out.json(v);
        } else {
            print(out, m, text);
        }
        return ExitCodes.OK;
    }

    private static void print(Printer out, QuarantinedMessage m, String text) {
        out.line("ID:             " + m.id());
        out.line("Received:       " + Views.time(m.receivedAt()) + " from " + Views.orDash(m.clientIp()) + ", queue id " + m.queueId());
        out.line("Sender:         " + (m.sender().isEmpty() ? "<>" : m.sender()));
        for (QuarantinedRecipient r : m.recipients()) {
            out.line("Recipient:      " + r.address() + (r.released()
                    ? " (released " + Views.time(r.releasedAt()) + " by " + r.releasedBy() + ")" : ""));
        }
        out.line("Classification: " + m.classification().label() + ", score " + m.score());
        out.line("Reason:         " + m.reason());
        out.line("Findings:       " + (m.findings().isEmpty() ? "-" : String.join(" ", m.findings())));
        out.line("Size:           " + m.size() + " bytes, sha256 " + m.sha256());
        out.line("");
        out.out().print(headers(text));
        out.out().flush();
    }

    /** The header section: everything before the first empty line. */
    static String headers(String text) {
        int end = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        int cut = end < 0 ? lf : lf < 0 ? end : Math.min(end, lf);
        String h = cut < 0 ? text : text.substring(0, cut);
        return h.replace("\r\n", "\n") + "\n";
    }
}
