// SPDX-License-Identifier: Apache-2.0
/**
 * The per-connection engine: {@link io.moat.milter.engine.MilterSession} turns each milter
 * command into its replies, running the pipeline at each stage, and
 * {@link io.moat.milter.engine.ResponsePlan} is the one place verdicts become replies.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.engine;
