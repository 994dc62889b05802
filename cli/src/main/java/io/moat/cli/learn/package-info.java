// SPDX-License-Identifier: Apache-2.0
/** {@code moat learn}: train the statistical filter on folders and mbox files of spam and ham. */
@org.jspecify.annotations.NullMarked
package io.moat.cli.learn;
