// SPDX-License-Identifier: Apache-2.0
/** {@code moat domain list|show|add|set|remove}: the protected domains. */
@org.jspecify.annotations.NullMarked
package io.moat.cli.domain;
