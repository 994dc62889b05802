// SPDX-License-Identifier: Apache-2.0
/**
 * Tests written in code rather than in the rule language: each looks at the parsed message and
 * names zero or more symbols, which the rule files weigh and metas read like any rule's hit.
 */
@org.jspecify.annotations.NullMarked
package io.moat.rules.checks;
