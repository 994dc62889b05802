// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import java.util.EnumSet;
import java.util.Set;

/** The modifications a milter may make ({@code SMFIF_*}), negotiated at OPTNEG. */
public enum ActionFlag {
    SMFIF_ADDHDRS(0x1),
    SMFIF_CHGBODY(0x2),
    SMFIF_ADDRCPT(0x4),
    SMFIF_DELRCPT(0x8),
    SMFIF_CHGHDRS(0x10),
    SMFIF_QUARANTINE(0x20),
    SMFIF_CHGFROM(0x40),
    SMFIF_ADDRCPT_PAR(0x80),
    SMFIF_SETSYMLIST(0x100);

    private final int bit;

    ActionFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public static EnumSet<ActionFlag> fromMask(int mask) {
        EnumSet<ActionFlag> set = EnumSet.noneOf(ActionFlag.class);
        for (ActionFlag f : values()) {
            if ((mask & f.bit) != 0) {
                set.add(f);
            }
        }
        return set;
    }

    public static int toMask(Set<ActionFlag> flags) {
        int mask = 0;
        for (ActionFlag f : flags) {
            mask |= f.bit;
        }
        return mask;
    }
}
