// SPDX-License-Identifier: Apache-2.0
/**
 * The store in plain JDBC: one implementation of every {@code io.moat.store} interface, in SQL
 * both SQLite and PostgreSQL accept ({@code ON CONFLICT}, {@code RETURNING}, epoch-millisecond
 * times), over a HikariCP pool and a {@link io.moat.store.jdbc.Dialect} that says how to connect
 * and where the dialect's Flyway migrations are.
 */
@org.jspecify.annotations.NullMarked
package io.moat.store.jdbc;
