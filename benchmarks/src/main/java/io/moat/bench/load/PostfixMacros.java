// SPDX-License-Identifier: Apache-2.0
package io.moat.bench.load;

import io.moat.milter.protocol.MacroStage;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which macros Postfix 3.7 sends before each command: its defaults ({@code postconf -d}), replaced
 * stage by stage by the lists the milter asked for with SETSYMLIST. Like Postfix, only macros that
 * have a value are sent, and a MACRO packet goes out even when none has (observed: {@code D H {}}).
 * Postfix sends the end-of-header list before each HEADER and the end-of-data list before each BODY.
 */
public final class PostfixMacros {
    private static final Map<MacroStage, String> POSTFIX_DEFAULTS = Map.of(
            MacroStage.SMFIM_CONNECT, "j {daemon_name} {daemon_addr} v _",
            MacroStage.SMFIM_HELO, "{tls_version} {cipher} {cipher_bits} {cert_subject} {cert_issuer}",
            MacroStage.SMFIM_ENVFROM, "i {auth_type} {auth_authen} {auth_author} {mail_addr} {mail_host} {mail_mailer}",
            MacroStage.SMFIM_ENVRCPT, "i {rcpt_addr} {rcpt_host} {rcpt_mailer}",
            MacroStage.SMFIM_DATA, "i",
            MacroStage.SMFIM_EOH, "i",
            MacroStage.SMFIM_EOM, "i");

    private final Map<MacroStage, List<String>> names = new EnumMap<>(MacroStage.class);

    public PostfixMacros(Map<MacroStage, String> requested) {
        for (MacroStage stage : MacroStage.values()) {
            String list = requested.getOrDefault(stage, POSTFIX_DEFAULTS.get(stage));
            names.put(stage, Arrays.stream(list.split("[ ,]+")).filter(s -> !s.isEmpty()).toList());
        }
    }

    /** The name/value pairs for {@code stage} that have a value in {@code known}, in list order. */
    public Map<String, String> select(MacroStage stage, Map<String, String> known) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : names.get(stage)) {
            String value = known.get(name);
            if (value != null && !value.isEmpty()) {
                out.put(name, value);
            }
        }
        return out;
    }

    /** The command byte Postfix puts in the MACRO packet for a stage. */
    public static char commandOf(MacroStage stage) {
        return switch (stage) {
            case SMFIM_CONNECT -> 'C';
            case SMFIM_HELO -> 'H';
            case SMFIM_ENVFROM -> 'M';
            case SMFIM_ENVRCPT -> 'R';
            case SMFIM_DATA -> 'T';
            case SMFIM_EOH -> 'N';
            case SMFIM_EOM -> 'E';
        };
    }
}
