// SPDX-License-Identifier: Apache-2.0
/**
 * The daemon's numbers for Prometheus: Micrometer meters bound to the counters the filters,
 * transport and message log already keep (nothing is counted twice), one meter per message
 * outcome fed by the {@link io.moat.milter.record.MessageRecorder}, JVM binders, and a loopback
 * HTTP endpoint ({@code GET /metrics}) on the JDK's own server. The registry is made by the
 * composition root from the injected clock and ticker; there is no global registry.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.metrics;
