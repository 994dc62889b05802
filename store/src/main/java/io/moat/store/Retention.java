// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

/**
 * How long data is kept, in days: the defaults are DESIGN.md's. A domain may keep its quarantine
 * longer or shorter ({@link Domain#quarantineRetentionDays()}).
 */
public record Retention(int quarantineDays, int logDays, int auditDays) {
    public static final Retention DEFAULT = new Retention(15, 180, 365);

    public Retention {
        if (quarantineDays < 1 || logDays < 1 || auditDays < 1) {
            throw new IllegalArgumentException("retention must be at least 1 day");
        }
    }
}
