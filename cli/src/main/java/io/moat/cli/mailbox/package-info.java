// SPDX-License-Identifier: Apache-2.0
/**
 * {@code moat mailbox list|add|remove|import}: the mailboxes of the protected domains, with a CSV
 * import of any size that checks every row first and then writes all in one transaction.
 */
@org.jspecify.annotations.NullMarked
package io.moat.cli.mailbox;
