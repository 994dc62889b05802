// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.quarantine;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.ActorOptions;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.store.Store;
import io.moat.store.release.Release;
import io.moat.store.release.Releaser;
import io.moat.store.release.SmtpTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code moat quarantine release ID}: re-injects the original message and marks it released. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Re-inject a quarantined message to its recipients (or those named with --to) and mark it released.",
            "It goes to release.smtp from the config file (default " + SmtpTarget.DEFAULT + ", Postfix's listener without"
                + " milter), carrying an X-Moat-Released header so the gateway never quarantines it again."})
public final class QuarantineReleaseCommand extends StoreSubcommand {
    @Parameters(paramLabel = "ID", description = "The quarantine id.")
    long id;

    @Option(names = "--to", paramLabel = "ADDRESS", description = "Release only to this recipient (repeatable).")
    List<String> to = new ArrayList<>();

    @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "Re-inject here instead of release.smtp.")
    @Nullable String smtp;

    @Option(names = "--helo", paramLabel = "NAME", defaultValue = "localhost", description = "EHLO name (default: ${DEFAULT-VALUE}).")
    String helo = "localhost";

    @Mixin
    ActorOptions actor;

    @Override
    protected int run(Store store, Printer out) {
        SmtpTarget target = SmtpTarget.parse(smtp != null ? smtp : storeOptions.config().releaseSmtp());
        Release r = new Releaser(store.quarantine(), target, helo).release(id, to, actor.actor());
        if (out.json()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", r.id());
            v.put("recipients", r.recipients());
            v.put("target", r.target());
            v.put("reply", r.reply());
            out.json(v);
        } else {
            out.line("Released message " + r.id() + " to " + String.join(", ", r.recipients()) + " via " + r.target() + ": "
                    + r.reply());
        }
        return ExitCodes.OK;
    }
}
