// SPDX-License-Identifier: Apache-2.0
/**
 * Regression tests, one per bug found in the daemon, each with the story in its javadoc so the
 * bug never comes back unnoticed.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.issues;
