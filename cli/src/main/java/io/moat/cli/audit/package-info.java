// SPDX-License-Identifier: Apache-2.0
/** {@code moat audit list}: who changed what, when, from where. */
@org.jspecify.annotations.NullMarked
package io.moat.cli.audit;
