// SPDX-License-Identifier: Apache-2.0
/**
 * The milter wire protocol (version 2 to 6) as data: command and reply codes with libmilter's
 * names, one record per command and per reply, a frame reader with a size cap, and pure
 * encoders/decoders in both directions. Nothing here does I/O beyond reading frames.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.protocol;
