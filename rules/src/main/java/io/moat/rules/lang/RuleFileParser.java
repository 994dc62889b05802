// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one rule file in the SpamAssassin subset. Comments start at an unescaped {@code #}.
 * {@code if}/{@code ifplugin}/{@code else}/{@code endif} blocks are read as if true; other
 * directives SpamAssassin knows but Moat does not use are warnings; malformed lines are
 * errors, each with its line and reason.
 */
public final class RuleFileParser {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Set<String> IGNORED = Set.of(
            "priority", "report", "add_header", "remove_header", "loadplugin", "tryplugin", "uridnsbl", "urirhsbl",
            "urirhssub", "askdns", "reuse", "test", "lang", "clear_headers", "report_safe", "rewrite_header",
            "use_bayes", "bayes_auto_learn", "skip_rbl_checks", "trusted_networks", "internal_networks",
            "whitelist_from", "blacklist_from", "welcomelist_from", "blocklist_from", "util_rb_tld", "util_rb_2tld",
            "util_rb_3tld", "redirector_pattern", "require_version", "version_tag", "dns_available", "ok_locales",
            "mimeheader", "replace_tag", "replace_rules", "replace_start", "replace_end", "describe_bayes",
            "header_ig", "body_ig", "uri_detail", "shortcircuit", "enlist_uri_host", "hashbl_ignore", "uri_block_cc",
            "freemail_domains", "check_rbl_sub");

    private final String file;
    private final List<Statement> statements = new ArrayList<>();
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private int conditionals;
    private int line;

    private RuleFileParser(String file) {
        this.file = file;
    }

    public static ParsedFile parse(String file, String text) {
        RuleFileParser p = new RuleFileParser(file);
        for (String raw : text.split("\r?\n", -1)) {
            p.line++;
            String l = stripComment(raw).strip();
            if (!l.isEmpty()) {
                p.statement(l);
            }
        }
        if (p.conditionals != 0) {
            p.error("an if/ifplugin block is not closed by endif");
        }
        return new ParsedFile(file, p.statements, p.errors, p.warnings);
    }

    static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private void statement(String l) {
        String[] parts = l.split("\\s+", 3);
        String directive = parts[0];
        switch (directive) {
            case "if", "ifplugin" -> conditionals++;
            case "else" -> { }
            case "endif" -> {
                if (--conditionals < 0) {
                    error("endif without if");
                    conditionals = 0;
                }
            }
            case "header", "body", "rawbody", "full", "uri", "meta", "score", "describe", "tflags" -> rule(directive, parts);
            case "required_score", "required_hits" -> requiredScore(parts);
            default -> warn(IGNORED.contains(directive) ? "directive '" + directive + "' is not used by Moat; ignored"
                    : "unknown directive '" + directive + "'; ignored");
        }
    }

    private void rule(String directive, String[] parts) {
        if (parts.length < 2 || !NAME.matcher(parts[1]).matches()) {
            error(directive + " needs a rule name made of letters, digits and '_'");
            return;
        }
        String name = parts[1];
        String rest = parts.length > 2 ? parts[2].strip() : "";
        if (rest.isEmpty() && !directive.equals("describe") && !directive.equals("tflags")) {
            error(directive + " " + name + " has nothing after the name");
            return;
        }
        try {
            Statement s = RuleLine.read(directive, name, rest, file, line);
            statements.add(s);
        } catch (IllegalArgumentException e) {
            error(directive + " " + name + ": " + e.getMessage());
        }
    }

    private void requiredScore(String[] parts) {
        try {
            statements.add(new Statement.RequiredScore(Double.parseDouble(parts[1])));
        } catch (RuntimeException e) {
            error(parts[0] + " needs a number");
        }
    }

    private void error(String message) {
        errors.add(new Problem(file, line, message));
    }

    private void warn(String message) {
        warnings.add(new Problem(file, line, message));
    }

    static Set<String> words(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : s.split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
