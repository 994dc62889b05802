// SPDX-License-Identifier: Apache-2.0
/**
 * Test fixtures shared by the milter-server tests: a small MTA-side client that speaks the milter
 * protocol over a socket, the way Postfix does, so tests can drive a real server.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.testkit;
