// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.quarantine;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.ActorOptions;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code moat quarantine delete ID...}. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete quarantined messages for good.")
public final class QuarantineDeleteCommand extends StoreSubcommand {
    @Parameters(paramLabel = "ID", arity = "1..*", description = "Quarantine ids.")
    List<Long> ids = new ArrayList<>();

    @Mixin
    ActorOptions actor;

    @Override
    protected int run(Store store, Printer out) {
        List<Long> deleted = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (long id : ids) {
            (store.quarantine().delete(id, actor.actor()) ? deleted : unknown).add(id);
        }
        if (out.json()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("deleted", deleted);
            v.put("unknown", unknown);
            out.json(v);
        } else {
            deleted.forEach(id -> out.line("Deleted message " + id + "."));
        }
        unknown.forEach(id -> out.error("no quarantined message with id " + id));
        return unknown.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
