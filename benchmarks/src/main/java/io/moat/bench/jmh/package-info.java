// SPDX-License-Identifier: Apache-2.0
/**
 * JMH microbenchmarks of the milter hot paths. Each class carries its run command in its javadoc;
 * results are for comparing changes on one machine, never for gating a build.
 */
@org.jspecify.annotations.NullMarked
package io.moat.bench.jmh;
