// SPDX-License-Identifier: Apache-2.0
/**
 * {@code moat user list|show|add|remove|reset-password}: admin and mailbox users. A new or reset
 * password is random, shown once, and must be changed at first login.
 */
@org.jspecify.annotations.NullMarked
package io.moat.cli.user;
