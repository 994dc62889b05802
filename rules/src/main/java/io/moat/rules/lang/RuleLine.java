// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the part of a rule line after the directive and name. Errors are {@link IllegalArgumentException}s. */
final class RuleLine {
    private static final Pattern HEADER_TEST = Pattern.compile("([A-Za-z0-9_.\\-]+(?::[a-z]+)*)\\s*([=!]~)\\s*(.+)");
    private static final Pattern IF_UNSET = Pattern.compile("\\[\\s*if-unset:\\s*(.*?)\\s*]");

    private RuleLine() {
    }

    static Statement read(String directive, String name, String rest, String file, int line) {
        return switch (directive) {
            case "score" -> new Statement.Score(name, score(rest));
            case "describe" -> new Statement.Describe(name, rest);
            case "tflags" -> new Statement.Tflags(name, RuleFileParser.words(rest));
            case "meta" -> new Statement.Define(new Rule.Meta(name, MetaParser.parse(rest)));
            case "header" -> header(name, rest, file, line);
            default -> text(directive, name, rest, file, line);
        };
    }

    /** A score line has one weight or four (SpamAssassin's score sets); Moat uses the third (Bayes, no network). */
    private static double score(String rest) {
        String[] w = rest.split("\\s+");
        if (w.length != 1 && w.length != 4) {
            throw new IllegalArgumentException("score needs one number or four, found " + w.length + " words");
        }
        try {
            return Double.parseDouble(w.length == 4 ? w[2] : w[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("score is not a number: " + rest);
        }
    }

    private static Statement header(String name, String rest, String file, int line) {
        if (rest.startsWith("eval:")) {
            return unsupported(name, file, line, rest);
        }
        if (rest.startsWith("exists:")) {
            String field = rest.substring("exists:".length()).strip();
            if (field.isEmpty() || field.contains(" ")) {
                throw new IllegalArgumentException("exists: needs one header field name");
            }
            return new Statement.Define(new Rule.Exists(name, field));
        }
        Matcher m = HEADER_TEST.matcher(rest);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected 'Field =~ /regex/' or 'exists:Field', found: " + rest);
        }
        HeaderSelector selector = HeaderSelector.parse(m.group(1));
        if (selector == null) {
            throw new IllegalArgumentException("unknown header modifier in " + m.group(1) + " (use :raw, :addr or :name; :raw may be combined with one of the others)");
        }
        RegexLiteral re = literal(m.group(3));
        String after = m.group(3).substring(re.end()).strip();
        Matcher unset = IF_UNSET.matcher(after);
        String ifUnset = "";
        if (unset.matches()) {
            ifUnset = unset.group(1);
        } else if (!after.isEmpty()) {
            throw new IllegalArgumentException("unexpected text after the regex: " + after);
        }
        return switch (PerlRegex.translate(re.body(), re.flags())) {
            case RegexTranslation.Translated t -> new Statement.Define(new Rule.HeaderTest(
                    name, selector, t.pattern(), m.group(2).equals("!~"), ifUnset, t.requiredLiterals(),
                    t.literalsIgnoreCase()));
            case RegexTranslation.Untranslatable u -> new Statement.Skip(new Unsupported(name, file, line, u.reason()));
        };
    }

    private static Statement text(String directive, String name, String rest, String file, int line) {
        if (rest.startsWith("eval:")) {
            return unsupported(name, file, line, rest);
        }
        RegexLiteral re = literal(rest);
        if (!rest.substring(re.end()).isBlank()) {
            throw new IllegalArgumentException("unexpected text after the regex: " + rest.substring(re.end()).strip());
        }
        Rule.Target target = switch (directive) {
            case "body" -> Rule.Target.BODY;
            case "rawbody" -> Rule.Target.RAWBODY;
            case "full" -> Rule.Target.FULL;
            default -> Rule.Target.URI;
        };
        return switch (PerlRegex.translate(re.body(), re.flags())) {
            case RegexTranslation.Translated t -> new Statement.Define(new Rule.TextTest(
                    name, target, t.pattern(), t.requiredLiterals(), t.leadingLiterals(), t.literalsIgnoreCase(),
                    t.start()));
            case RegexTranslation.Untranslatable u -> new Statement.Skip(new Unsupported(name, file, line, u.reason()));
        };
    }

    private static Statement unsupported(String name, String file, int line, String rest) {
        int paren = rest.indexOf('(');
        String plugin = paren < 0 ? rest : rest.substring(0, paren);
        return new Statement.Skip(new Unsupported(name, file, line, "needs a SpamAssassin plugin test: " + plugin));
    }

    private static RegexLiteral literal(String s) {
        Optional<RegexLiteral> re = RegexLiteral.read(s, 0);
        if (re.isEmpty()) {
            throw new IllegalArgumentException("expected a /regex/ (or m{regex}), unterminated or missing: " + s);
        }
        return re.get();
    }
}
