// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.domain;

import io.moat.cli.options.Printer;
import io.moat.store.Policy;
import io.moat.store.PolicyKey;
import java.util.Map;

/**
 * A domain's antivirus fail-open and banned types, as {@code moat domain show} and {@code set}
 * print them. They are policy keys of the domain's scope ({@code moat policy show DOMAIN} lists
 * them too), so the daemon reads them with the rest of the domain's policy.
 */
final class DomainContentPolicy {
    private DomainContentPolicy() {
    }

    static void json(Map<String, Object> v, Policy p) {
        v.put("antivirusFailOpen", p.bool(PolicyKey.ANTIVIRUS_FAIL_OPEN).orElse(null));
        v.put("bannedTypes", p.list(PolicyKey.BANNED_TYPES));
        v.put("bannedReplace", p.bool(PolicyKey.BANNED_REPLACE).orElse(false));
    }

    static void text(Printer out, Policy p) {
        out.line("AV fail-open:   " + p.bool(PolicyKey.ANTIVIRUS_FAIL_OPEN).map(b -> b ? "yes" : "no").orElse("default"));
        String banned = String.join(",", p.list(PolicyKey.BANNED_TYPES));
        boolean replace = p.bool(PolicyKey.BANNED_REPLACE).orElse(false);
        out.line("Banned types:   " + (replace ? "only " + (banned.isEmpty() ? "(none)" : banned)
                : banned.isEmpty() ? "global list" : "global list + " + banned));
    }
}
