// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.config;

import io.moat.milter.filter.envelope.DomainPolicy;
import io.moat.milter.verdict.BannedTypes;
import io.moat.milter.verdict.PolicySource;
import io.moat.milter.verdict.RecipientPolicy;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Recipients' policies from the config file: the global defaults, changed for the recipients of
 * a domain by that domain's {@code envelope.domains.<domain>} settings (antivirus fail-open,
 * banned types). Worked out once at start; the store's settings, where there is a store, go over
 * these.
 */
public final class ConfiguredPolicySource implements PolicySource {
    private final RecipientPolicy defaults;
    private final Map<String, RecipientPolicy> byDomain = new HashMap<>();

    public ConfiguredPolicySource(MoatConfig config) {
        this.defaults = config.defaultPolicy();
        BannedTypes global = config.bannedTypes();
        for (DomainPolicy d : config.envelope().domains().values()) {
            if (!d.overrides().isEmpty()) {
                byDomain.put(d.domain(), d.overrides().applyTo(defaults, global));
            }
        }
    }

    @Override
    public RecipientPolicy forRecipient(String recipient) {
        int at = recipient.lastIndexOf('@');
        if (at < 0 || byDomain.isEmpty()) {
            return defaults;
        }
        return byDomain.getOrDefault(recipient.substring(at + 1).toLowerCase(Locale.ROOT), defaults);
    }
}
