// SPDX-License-Identifier: Apache-2.0
/**
 * The SpamScore's content part in the daemon: the rule set and statistical filter from the
 * {@code rules} module, reloadable without a restart, run at end of message.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.filter.spam;
