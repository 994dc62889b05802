// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.util.List;
import java.util.Optional;

/** Protected domains. Every change is written to the audit trail in the same transaction. */
public interface Domains {
    List<Domain> list();

    Optional<Domain> find(String name);

    /** Creates or replaces the domain. */
    void put(Domain domain, Actor actor);

    /** Deletes the domain, its mailboxes and its policy; false when it was unknown. */
    boolean delete(String name, Actor actor);
}
