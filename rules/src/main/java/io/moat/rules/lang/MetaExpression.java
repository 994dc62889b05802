// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The expression of a {@code meta} rule: rule names (1 when the rule hit, 0 when not, or its hit
 * count), numbers, {@code ! && || + - * / < <= > >= == !=} and parentheses, evaluated as
 * numbers the way Perl does (true is 1). Read with {@link MetaParser}.
 */
public sealed interface MetaExpression {
    double value(ToDoubleFunction<String> hits);

    /** Adds the rule names this expression reads to {@code out}. */
    void references(Set<String> out);

    record Number(double n) implements MetaExpression {
        @Override
        public double value(ToDoubleFunction<String> hits) {
            return n;
        }

        @Override
        public void references(Set<String> out) {
        }
    }

    record Reference(String rule) implements MetaExpression {
        @Override
        public double value(ToDoubleFunction<String> hits) {
            return hits.applyAsDouble(rule);
        }

        @Override
        public void references(Set<String> out) {
            out.add(rule);
        }
    }

    record Not(MetaExpression operand) implements MetaExpression {
        @Override
        public double value(ToDoubleFunction<String> hits) {
            return operand.value(hits) == 0 ? 1 : 0;
        }

        @Override
        public void references(Set<String> out) {
            operand.references(out);
        }
    }

    record Binary(Operator op, MetaExpression left, MetaExpression right) implements MetaExpression {
        @Override
        public double value(ToDoubleFunction<String> hits) {
            double l = left.value(hits);
            return switch (op) {
                case AND -> l == 0 ? 0 : truth(right.value(hits) != 0);
                case OR -> l != 0 ? 1 : truth(right.value(hits) != 0);
                case PLUS -> l + right.value(hits);
                case MINUS -> l - right.value(hits);
                case TIMES -> l * right.value(hits);
                case DIVIDE -> divide(l, right.value(hits));
                case LESS -> truth(l < right.value(hits));
                case LESS_EQUAL -> truth(l <= right.value(hits));
                case GREATER -> truth(l > right.value(hits));
                case GREATER_EQUAL -> truth(l >= right.value(hits));
                case EQUAL -> truth(l == right.value(hits));
                case NOT_EQUAL -> truth(l != right.value(hits));
            };
        }

        @Override
        public void references(Set<String> out) {
            left.references(out);
            right.references(out);
        }

        private static double truth(boolean b) {
            return b ? 1 : 0;
        }

        private static double divide(double l, double r) {
            return r == 0 ? 0 : l / r;
        }
    }

    /** Binary operators, loosest binding first within {@link MetaParser}. */
    enum Operator {
        OR, AND, EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, PLUS, MINUS, TIMES, DIVIDE
    }
}
