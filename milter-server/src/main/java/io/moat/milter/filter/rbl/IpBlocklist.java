// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import java.net.InetAddress;
import java.util.List;

/** The IP lists (DNSBL and DNSWL): starts one lookup per list for a client address. */
public final class IpBlocklist {
    private final DnsBlocklistClient client;
    private final List<RblZone> zones;

    public IpBlocklist(DnsBlocklistClient client, List<RblZone> zones) {
        this.client = client;
        this.zones = zones.stream().filter(z -> z.kind() == RblZone.Kind.IP).toList();
    }

    public boolean isEmpty() {
        return zones.isEmpty();
    }

    /** Starts the lookups now; they run while the SMTP session goes on. */
    public PendingLookups start(InetAddress address) {
        PendingLookups.Builder b = new PendingLookups.Builder(client);
        String subject = address.getHostAddress();
        for (RblZone z : zones) {
            b.add(z, subject, QueryName.forAddress(address, z.zone()));
        }
        return b.start();
    }
}
