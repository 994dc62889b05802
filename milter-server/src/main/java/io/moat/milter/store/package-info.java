// SPDX-License-Identifier: Apache-2.0
/**
 * The daemon's side of the store: the quarantine sink, the message-log recorder and the policy
 * source, each adapting a store interface to the engine's.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.store;
