// SPDX-License-Identifier: Apache-2.0
/**
 * Entry points of Moat's benchmarks: {@link io.moat.bench.MilterLoad}, the command that loads a
 * running milter as Postfix would and prints throughput, latency and the daemon's heap.
 */
@org.jspecify.annotations.NullMarked
package io.moat.bench;
