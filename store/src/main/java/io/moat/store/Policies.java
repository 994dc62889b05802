// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.util.List;

/**
 * Per-domain and per-mailbox policy. A scope is a domain ({@code example.org}) or a mailbox
 * address ({@code ann@example.org}). Changes are audited.
 */
public interface Policies {
    /** The settings of exactly this scope. */
    Policy of(String scope);

    /** The recipient's mailbox settings over its domain's settings. */
    Policy effective(String recipient);

    /** Scopes that have at least one setting. */
    List<String> scopes();

    /** Sets one key; the value is checked with {@link PolicyKey#normalise(String)}. */
    void set(String scope, PolicyKey key, String value, Actor actor);

    /** Removes one key; false when it was not set. */
    boolean unset(String scope, PolicyKey key, Actor actor);
}
