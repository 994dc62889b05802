// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of SQL work on one connection. */
@FunctionalInterface
public interface Work<T> {
    T run(Connection connection) throws SQLException;
}
