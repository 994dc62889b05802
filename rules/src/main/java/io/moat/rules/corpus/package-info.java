// SPDX-License-Identifier: Apache-2.0
/**
 * Corpus tools as a library: reading labelled mail from mbox files and one-file-per-message
 * folders, cross-validated evaluation (recall, false-positive rates, recall at fixed
 * false-positive rates, CPU time per message), per-rule hit rates and the fitting of rule
 * weights. The {@code moat learn}, {@code moat corpus} and {@code moat rules} commands print
 * what these classes compute.
 */
@org.jspecify.annotations.NullMarked
package io.moat.rules.corpus;
