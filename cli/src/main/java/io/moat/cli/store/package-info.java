// SPDX-License-Identifier: Apache-2.0
/** {@code moat store migrate|check|purge}: the store's schema and retention. */
@org.jspecify.annotations.NullMarked
package io.moat.cli.store;
