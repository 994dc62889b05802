// SPDX-License-Identifier: Apache-2.0
/** {@code moat log search|purge}: the message log, one row per message and recipient. */
@org.jspecify.annotations.NullMarked
package io.moat.cli.log;
