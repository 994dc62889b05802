// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.store;

import io.moat.store.StoreStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a {@link StoreStatus} is printed. */
final class StoreStatusText {
    private StoreStatusText() {
    }

    static Map<String, Object> json(StoreStatus s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("dialect", s.dialect());
        v.put("url", s.url());
        v.put("schemaVersion", s.schemaVersion());
        v.put("pendingMigrations", s.pendingMigrations());
        v.put("upToDate", s.upToDate());
        return v;
    }

    static String line(StoreStatus s) {
        return "Store " + s.url() + " (" + s.dialect() + "): schema version " + (s.schemaVersion() == null ? "none" : s.schemaVersion())
                + (s.upToDate() ? ", up to date." : ", " + s.pendingMigrations() + " migration(s) pending.");
    }
}
