// SPDX-License-Identifier: Apache-2.0
/**
 * Moat's milter daemon: {@link io.moat.milter.MoatMilterCommand} is the command line and
 * {@link io.moat.milter.Daemon} the composition root that wires config, pipeline and server.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter;
