// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import java.util.EnumSet;
import java.util.Set;

/** Protocol steps and behaviours ({@code SMFIP_*}) negotiated at OPTNEG. */
public enum ProtocolFlag {
    SMFIP_NOCONNECT(0x1),
    SMFIP_NOHELO(0x2),
    SMFIP_NOMAIL(0x4),
    SMFIP_NORCPT(0x8),
    SMFIP_NOBODY(0x10),
    SMFIP_NOHDRS(0x20),
    SMFIP_NOEOH(0x40),
    SMFIP_NR_HDR(0x80),
    SMFIP_NOUNKNOWN(0x100),
    SMFIP_NODATA(0x200),
    SMFIP_SKIP(0x400),
    SMFIP_RCPT_REJ(0x800),
    SMFIP_NR_CONN(0x1000),
    SMFIP_NR_HELO(0x2000),
    SMFIP_NR_MAIL(0x4000),
    SMFIP_NR_RCPT(0x8000),
    SMFIP_NR_DATA(0x10000),
    SMFIP_NR_UNKN(0x20000),
    SMFIP_NR_EOH(0x40000),
    SMFIP_NR_BODY(0x80000),
    SMFIP_HDR_LEADSPC(0x100000),
    SMFIP_MDS_256K(0x10000000),
    SMFIP_MDS_1M(0x20000000);

    private final int bit;

    ProtocolFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public static EnumSet<ProtocolFlag> fromMask(int mask) {
        EnumSet<ProtocolFlag> set = EnumSet.noneOf(ProtocolFlag.class);
        for (ProtocolFlag f : values()) {
            if ((mask & f.bit) != 0) {
                set.add(f);
            }
        }
        return set;
    }

    public static int toMask(Set<ProtocolFlag> flags) {
        int mask = 0;
        for (ProtocolFlag f : flags) {
            mask |= f.bit;
        }
        return mask;
    }
}
