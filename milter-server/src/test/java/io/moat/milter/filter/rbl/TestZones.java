// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The lists of the test zone files under src/test/resources/rbl, as Moat would be configured for them. */
final class TestZones {
    static final String[] RBLDNSD_ZONES = {
        "bl.test:ip4set:blocklist.ip4", "bl.test:ip6trie:blocklist.ip6",
        "wl.test:ip4set:allowlist.ip4", "dbl.test:dnset:domains.dnset"};

    static final RblZone BLOCKLIST = new RblZone("TESTBL", "bl.test", RblZone.Kind.IP, 3.0, true, List.of(
            new CodeRule(new CodeRule.Exact(0x7f000002), "RBL_TESTBL_SPAM", 4.0),
            new CodeRule(new CodeRule.Mask(0x04), "RBL_TESTBL_DYNAMIC", 1.5)), Set.of());
    static final RblZone ALLOWLIST = new RblZone("TESTWL", "wl.test", RblZone.Kind.IP, -5.0, false, List.of(), Set.of());
    static final RblZone DOMAINS = new RblZone("TESTDBL", "dbl.test", RblZone.Kind.DOMAIN, 2.5, false, List.of(), Set.of());

    private TestZones() {
    }

    static RblSettings settings(InetSocketAddress resolver, Duration timeout, RblZone... zones) {
        return new RblSettings(resolver, timeout, Duration.ofMinutes(5), Duration.ofHours(1), 10_000, List.of(zones));
    }
}
