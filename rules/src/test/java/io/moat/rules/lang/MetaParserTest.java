// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetaParserTest {
    private static double eval(String expr, Map<String, Integer> hits) {
        return MetaParser.parse(expr).value(s -> hits.getOrDefault(s, 0));
    }

    @Test
    void booleanAndArithmeticFollowPerlPrecedence() {
        Map<String, Integer> hits = Map.of("A", 1, "C", 3);
        assertThat(eval("A && !B", hits)).isEqualTo(1);
        assertThat(eval("B || A && C", hits)).isEqualTo(1);
        assertThat(eval("A + C * 2", hits)).isEqualTo(7);
        assertThat(eval("(A + B + C) >= 4", hits)).isEqualTo(1);
        assertThat(eval("(A + B) > 1", hits)).isZero();
        assertThat(eval("C / 0", hits)).isZero();
        assertThat(eval("-A + 2 == 1", hits)).isEqualTo(1);
    }

    @Test
    void malformedExpressionsSayWhy() {
        assertThatThrownBy(() -> MetaParser.parse("A &&")).hasMessageContaining("ends too early");
        assertThatThrownBy(() -> MetaParser.parse("A $ B")).hasMessageContaining("unexpected '$ B'");
        assertThatThrownBy(() -> MetaParser.parse("(A")).hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> MetaParser.parse("(".repeat(100) + "A" + ")".repeat(100))).hasMessageContaining("nested");
    }
}
