// SPDX-License-Identifier: Apache-2.0
/**
 * The store's interfaces and values: the quarantine, the message log, settings (domains,
 * mailboxes, policy), users and the admin audit trail, behind {@link io.moat.store.Store}. The
 * daemon and the {@code moat} CLI use only this package; the SQL lives in
 * {@code io.moat.store.jdbc} with dialect details in {@code .sqlite} and {@code .postgres}.
 */
@org.jspecify.annotations.NullMarked
package io.moat.store;
