// SPDX-License-Identifier: Apache-2.0
/**
 * PostgreSQL, the fleet store shared by every node: connection settings and batching for the
 * pgJDBC driver.
 */
@org.jspecify.annotations.NullMarked
package io.moat.store.postgres;
