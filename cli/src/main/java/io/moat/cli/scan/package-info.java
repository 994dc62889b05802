// SPDX-License-Identifier: Apache-2.0
/** {@code moat scan}: the daemon's pipeline on message files, as {@code spamassassin -t} does. */
@org.jspecify.annotations.NullMarked
package io.moat.cli.scan;
