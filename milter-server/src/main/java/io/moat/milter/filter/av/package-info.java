// SPDX-License-Identifier: Apache-2.0
/**
 * Antivirus through clamd: our own client for clamd's INSTREAM command over TCP and unix
 * sockets ({@link io.moat.milter.filter.av.ClamdClient}), its result as a sealed
 * {@link io.moat.milter.filter.av.ScanResult}, and the end-of-message
 * {@link io.moat.milter.filter.av.AntivirusFilter} that asks every configured engine and fails
 * closed (tempfail) unless every recipient of the message chose fail-open.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.filter.av;
