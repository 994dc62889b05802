// SPDX-License-Identifier: Apache-2.0
/** {@code moat policy list|keys|show|set|unset}: per-domain and per-mailbox policy. */
@org.jspecify.annotations.NullMarked
package io.moat.cli.policy;
