// SPDX-License-Identifier: Apache-2.0
/**
 * Conformance of the daemon with an independent milter client: Debian's {@code miltertest}
 * (OpenDKIM) runs the Lua scripts in {@code src/it/miltertest} against a daemon started by the
 * test, and the tests check the script's verdict and what the daemon recorded of each message.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.conformance;
