// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.policy;

import io.moat.cli.ExitCodes;
import io.moat.cli.OutputOptions;
import io.moat.cli.options.Printer;
import io.moat.store.PolicyKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code moat policy keys}: needs no store. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "List the policy keys and what they take.")
public final class PolicyKeysCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Printer out = new Printer(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
        if (out.json()) {
            out.json(Arrays.stream(PolicyKey.values()).map(k -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("key", k.key());
                v.put("kind", k.kind().name().toLowerCase(Locale.ROOT));
                v.put("description", k.description());
                return v;
            }).toList());
        } else {
            out.table(List.of("KEY", "VALUE", "MEANING"), Arrays.stream(PolicyKey.values())
                    .map(k -> List.of(k.key(), kind(k.kind()), k.description())).toList());
        }
        return ExitCodes.OK;
    }

    private static String kind(PolicyKey.Kind kind) {
        return switch (kind) {
            case SCORE -> "number";
            case ACTION -> "deliver|tag|quarantine|reject|drop";
            case TEXT -> "text";
            case LIST -> "comma-separated list";
            case BOOL -> "true|false";
            case FILE_TYPES -> "comma-separated extensions and media types";
        };
    }
}
