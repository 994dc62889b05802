// SPDX-License-Identifier: Apache-2.0
/**
 * SQLite, the embedded default store: one file, WAL journal, {@code synchronous=FULL} so a commit
 * survives a crash or power loss, immediate write transactions, one writer at a time.
 */
@org.jspecify.annotations.NullMarked
package io.moat.store.sqlite;
