// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

import io.moat.milter.protocol.HeaderText;
import io.moat.milter.protocol.Response;
import io.moat.milter.session.HeaderField;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Decision;
import io.moat.milter.verdict.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The header changes Moat makes at end of message: its trace header, SpamAssassin-compatible
 * {@code X-Spam-Flag}/{@code X-Spam-Score}/{@code X-Spam-Status} (so existing Sieve and client
 * rules keep working), {@code X-Moat-Virus} and {@code X-Moat-Unchecked} when policy delivers such
 * mail, the subject tag, and the removal of copies of these headers that arrived
 * with the message, so a sender cannot forge Moat's opinion.
 */
final class EndOfMessageHeaders {
    private final List<HeaderField> received;
    private final String traceName;
    private final String traceValue;
    private final Decision decision;
    private final double required;

    EndOfMessageHeaders(List<HeaderField> received, String traceName, String traceValue, Decision decision, double required) {
        this.received = received;
        this.traceName = traceName;
        this.traceValue = traceValue;
        this.decision = decision;
        this.required = required;
    }

    /** CHGHEADER with an empty value deletes: the n-th field of that name, counted per name. */
    List<Response> removeForged() {
        Set<String> owned = Set.of("x-spam-flag", "x-spam-score", "x-spam-status", "x-moat-virus", "x-moat-unchecked",
                traceName.toLowerCase(Locale.ROOT));
        Map<String, Integer> seen = new HashMap<>();
        List<Response> out = new ArrayList<>();
        for (HeaderField h : received) {
            String key = h.name().toLowerCase(Locale.ROOT);
            int n = seen.merge(key, 1, Integer::sum);
            if (owned.contains(key)) {
                out.add(new Response.ChangeHeader(n, h.name(), ""));
            }
        }
        // Highest index first, so a deletion never shifts the index of the next one.
        java.util.Collections.reverse(out);
        return out;
    }

    Response taggedSubject(String tag, String lead) {
        for (HeaderField h : received) {
            if (h.name().equalsIgnoreCase("Subject")) {
                return new Response.ChangeHeader(1, h.name(), lead + HeaderText.sanitize(tag) + " " + h.value().stripLeading());
            }
        }
        return new Response.AddHeader("Subject", lead + HeaderText.sanitize(tag));
    }

    List<Response> added(boolean tagged, String lead) {
        String score = String.format(Locale.ROOT, "%.1f", decision.score());
        String tests = decision.findings().stream().map(Finding::symbol).distinct().sorted()
                .collect(Collectors.joining(","));
        String status = (tagged ? "Yes" : "No") + ", score=" + score
                + String.format(Locale.ROOT, " required=%.1f", required) + " tests=" + (tests.isEmpty() ? "none" : tests);
        List<Response> out = new ArrayList<>(4);
        out.add(new Response.AddHeader(traceName, lead + traceValue));
        if (tagged) {
            out.add(new Response.AddHeader("X-Spam-Flag", lead + "YES"));
        }
        out.add(new Response.AddHeader("X-Spam-Score", lead + score));
        out.add(new Response.AddHeader("X-Spam-Status", lead + fold(status)));
        // Delivered anyway (policy chose so): say why, so the recipient's client can tell.
        String viruses = joined(Classification.VIRUS, true);
        if (!viruses.isEmpty()) {
            out.add(new Response.AddHeader("X-Moat-Virus", lead + fold(viruses)));
        }
        String unchecked = joined(Classification.UNCHECKED, false);
        if (!unchecked.isEmpty()) {
            out.add(new Response.AddHeader("X-Moat-Unchecked", lead + fold(unchecked)));
        }
        return out;
    }

    /** The findings implying a class: their details (signature names) or their symbols. */
    private String joined(Classification c, boolean details) {
        return decision.findings().stream().filter(f -> f.implies() == c)
                .map(f -> HeaderText.sanitize(details && !f.detail().isEmpty() ? f.detail() : f.symbol()))
                .distinct().collect(Collectors.joining(", "));
    }

    /** Folds a long header value at commas so no line passes 78 characters by much. */
    private static String fold(String value) {
        if (value.length() <= 60) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 16);
        int line = 0;
        for (String part : value.split("(?<=,)")) {
            if (line > 0 && line + part.length() > 60) {
                sb.append("\n\t");
                line = 0;
            }
            sb.append(part);
            line += part.length();
        }
        return sb.toString();
    }
}
