// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Prometheus text-format page, fetched over a real HTTP connection like Prometheus does, and
 * read sample by sample: {@code value("moat_messages_total", "classification", "clean", ...)}.
 */
public record Scrape(String text) {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** GET http://ADDRESS/metrics; fails unless the answer is 200 in the text format. */
    public static Scrape of(InetSocketAddress address) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + address.getPort() + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        return new Scrape(r.body());
    }

    /** The value of the sample with exactly these labels ({@code name, value} pairs); fails when absent. */
    public double value(String metric, String... labels) {
        Map<String, String> want = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            want.put(labels[i], labels[i + 1]);
        }
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name = brace < 0 ? line.substring(0, space) : line.substring(0, brace);
            if (name.equals(metric) && labels(line, brace).equals(want)) {
                return Double.parseDouble(line.substring(space + 1));
            }
        }
        throw new AssertionError("no sample " + metric + want + " in:\n" + text);
    }

    public boolean has(String metric) {
        return text.lines().anyMatch(l -> l.startsWith(metric + "{") || l.startsWith(metric + " "));
    }

    private static Map<String, String> labels(String line, int brace) {
        Map<String, String> out = new TreeMap<>();
        if (brace < 0) {
            return out;
        }
        String inside = line.substring(brace + 1, line.indexOf('}'));
        for (String pair : inside.split(",")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                out.put(pair.substring(0, eq), pair.substring(eq + 2, pair.length() - 1));
            }
        }
        return out;
    }
}
