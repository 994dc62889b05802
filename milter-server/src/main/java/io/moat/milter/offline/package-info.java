// SPDX-License-Identifier: Apache-2.0
/**
 * The pipeline without an SMTP session: message files read as Postfix would pass them, run
 * through the content stages, for {@code moat scan} and corpus tools.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.offline;
