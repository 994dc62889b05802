// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import io.moat.rules.lang.MetaExpression.Binary;
import io.moat.rules.lang.MetaExpression.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a meta expression by precedence climbing: {@code ||} < {@code &&} < comparisons <
 * {@code + -} < {@code * /} < unary {@code ! -} < atoms.
 */
public final class MetaParser {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(\\|\\||&&|<=|>=|==|!=|[!()<>+\\-*/]|\\d+(?:\\.\\d+)?|[A-Za-z_][A-Za-z0-9_]*)");
    private static final int MAX_DEPTH = 64;
    private final List<String> tokens;
    private int pos;
    private int depth;

    private MetaParser(List<String> tokens) {
        this.tokens = tokens;
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} with the reason if it is malformed. */
    public static MetaExpression parse(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length() && !text.substring(at).isBlank()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("unexpected '" + text.substring(at).strip() + "' in meta expression");
            }
            tokens.add(m.group(1));
            at = m.end();
        }
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("empty meta expression");
        }
        MetaParser p = new MetaParser(tokens);
        MetaExpression e = p.binary(0);
        if (p.pos < tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + tokens.get(p.pos) + "' in meta expression");
        }
        return e;
    }

    private static final List<List<String>> LEVELS = List.of(
            List.of("||"), List.of("&&"), List.of("==", "!=", "<", "<=", ">", ">="), List.of("+", "-"), List.of("*", "/"));

    private MetaExpression binary(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        MetaExpression left = binary(level + 1);
        while (pos < tokens.size() && LEVELS.get(level).contains(tokens.get(pos))) {
            Operator op = operator(tokens.get(pos++));
            left = new Binary(op, left, binary(level + 1));
        }
        return left;
    }

    private MetaExpression unary() {
        String t = next();
        return switch (t) {
            case "!" -> new MetaExpression.Not(unary());
            case "-" -> new Binary(Operator.MINUS, new MetaExpression.Number(0), unary());
            case "(" -> {
                if (++depth > MAX_DEPTH) {
                    throw new IllegalArgumentException("meta expression nested deeper than " + MAX_DEPTH);
                }
                MetaExpression inner = binary(0);
                depth--;
                if (pos >= tokens.size() || !")".equals(tokens.get(pos++))) {
                    throw new IllegalArgumentException("missing ')' in meta expression");
                }
                yield inner;
            }
            default -> atom(t);
        };
    }

    private static MetaExpression atom(String t) {
        if (Character.isDigit(t.charAt(0))) {
            return new MetaExpression.Number(Double.parseDouble(t));
        }
        if (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_') {
            return new MetaExpression.Reference(t);
        }
        throw new IllegalArgumentException("unexpected '" + t + "' in meta expression");
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw new IllegalArgumentException("meta expression ends too early");
        }
        return tokens.get(pos++);
    }

    private static Operator operator(String t) {
        return switch (t) {
            case "||" -> Operator.OR;
            case "&&" -> Operator.AND;
            case "==" -> Operator.EQUAL;
            case "!=" -> Operator.NOT_EQUAL;
            case "<" -> Operator.LESS;
            case "<=" -> Operator.LESS_EQUAL;
            case ">" -> Operator.GREATER;
            case ">=" -> Operator.GREATER_EQUAL;
            case "+" -> Operator.PLUS;
            case "-" -> Operator.MINUS;
            case "*" -> Operator.TIMES;
            default -> Operator.DIVIDE;
        };
    }
}
