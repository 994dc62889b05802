// SPDX-License-Identifier: Apache-2.0
/**
 * End-to-end tests of Moat inside a real Postfix: the postfix-conf/ fragments checked with
 * {@code postconf}, and a throwaway Postfix 3.7 instance on loopback, built from those fragments,
 * that hands every session to the real daemon jar and relays to {@code smtp-sink}. The fixtures
 * here start and stop those real processes (never mocks), bound every wait, and skip with a clear
 * message when Postfix or swaks is missing, except under {@code CI=true}, where that fails.
 */
@org.jspecify.annotations.NullMarked
package io.moat.e2e;
