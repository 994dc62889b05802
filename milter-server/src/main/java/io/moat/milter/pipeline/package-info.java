// SPDX-License-Identifier: Apache-2.0
/**
 * The filter API: small {@link io.moat.milter.pipeline.Filter}s per SMTP stage, each returning
 * findings and a verdict as values, run in a fixed order by the {@link io.moat.milter.pipeline.Pipeline},
 * which also contains their failures.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.pipeline;
