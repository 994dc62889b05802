// SPDX-License-Identifier: Apache-2.0
/**
 * {@code moat quarantine list|show|release|delete|purge}: operators look at, release and clean
 * up quarantined mail.
 */
@org.jspecify.annotations.NullMarked
package io.moat.cli.quarantine;
