// SPDX-License-Identifier: Apache-2.0
/**
 * The filters Moat ships. Each is small, checks one thing at one stage and reports findings;
 * the daemon lists them in its pipeline.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.filter;
