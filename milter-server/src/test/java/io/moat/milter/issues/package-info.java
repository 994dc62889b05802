// SPDX-License-Identifier: Apache-2.0
/**
 * Regression tests, one per bug found in the milter server: each class tells the story of its bug
 * in its javadoc and fails if the bug returns.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.issues;
