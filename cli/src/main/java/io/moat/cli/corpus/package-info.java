// SPDX-License-Identifier: Apache-2.0
/**
 * {@code moat corpus}: measure the content score on labelled mail (cross-validated or with a
 * trained state), as a table or JSON, with a progress bar on standard error.
 */
@org.jspecify.annotations.NullMarked
package io.moat.cli.corpus;
