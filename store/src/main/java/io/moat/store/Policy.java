// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Policy settings: those of one scope, or the effective ones for a recipient (the mailbox's
 * settings over its domain's). A key not set falls back to the daemon's configured default.
 */
public record Policy(Map<PolicyKey, String> values) {
    public Policy {
        values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
    }

    public static Policy empty() {
        return new Policy(Map.of());
    }

    public Optional<String> get(PolicyKey key) {
        return Optional.ofNullable(values.get(key));
    }

    public OptionalDouble score(PolicyKey key) {
        String v = values.get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(v));
    }

    public Optional<PolicyAction> action(PolicyKey key) {
        return get(key).map(PolicyAction::parse);
    }

    /** A true/false setting ({@link PolicyKey.Kind#BOOL}), if set. */
    public Optional<Boolean> bool(PolicyKey key) {
        return get(key).map(Boolean::parseBoolean);
    }

    public List<String> list(PolicyKey key) {
        return get(key).map(PolicyKey::split).orElse(List.of());
    }

    /** These settings, with {@code fallback}'s for keys not set here. */
    public Policy over(Policy fallback) {
        Map<PolicyKey, String> merged = new EnumMap<>(PolicyKey.class);
        merged.putAll(fallback.values);
        merged.putAll(values);
        return new Policy(merged);
    }
}
