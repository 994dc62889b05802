// SPDX-License-Identifier: Apache-2.0
/**
 * Sockets and threads: TCP and unix-socket listeners, one virtual thread per MTA connection with
 * blocking I/O, the connection limit, PROGRESS while filters run, and graceful shutdown.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.transport;
