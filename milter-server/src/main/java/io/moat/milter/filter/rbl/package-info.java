// SPDX-License-Identifier: Apache-2.0
/**
 * DNS blocklists and allow-lists: IP zones (DNSBL/DNSWL, IPv4 and IPv6 nibble queries) and domain
 * zones (URIBL) queried asynchronously with dnsjava under one deadline, answers cached by their TTL
 * in Caffeine, each answer a {@link io.moat.milter.filter.rbl.RblAnswer} (listed, not listed,
 * blocked by the list, unavailable) turned into findings. Lookups for the client address start at
 * CONNECT and are collected at MAIL; lists trusted to reject refuse each recipient at RCPT.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.filter.rbl;
