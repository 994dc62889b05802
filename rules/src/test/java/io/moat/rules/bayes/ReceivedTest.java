// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.rules.message.HeaderField;
import io.moat.rules.message.MessageParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Received tokens, found only at candidate positions, are byte for byte the tokens of the plain
 * regex loop they replaced (kept here as {@link #plain}), in the same order.
 */
class ReceivedTest {
    private static final Path SAMPLES = Path.of("../test-corpus/samples");
    private static final Path SHARED = Path.of("/work/shared/corpus/train");

    @Test
    void hostsParentDomainsIpPrefixesAndProtocolAreTokens() {
        Set<String> out = new LinkedHashSet<>();
        Received.add("from Mail.Example.ORG (mx1.example.org [192.0.2.17]) by a.b.example.net with ESMTP id x", out);
        assertThat(out).containsExactly("rcvd:ip:192.0", "rcvd:ip:192.0.2", "rcvd:mail.example.org",
                "rcvd:example.org", "rcvd:mx1.example.org", "rcvd:a.b.example.net", "rcvd:b.example.net",
                "rcvd:with:esmtp");
    }

    @Test
    void digitsInsideLongerNumbersOrWordsStartNoAddress() {
        Set<String> out = new LinkedHashSet<>();
        Received.add("id 1234.5.6.7 x9.8.7.6 [10.0.0.1.5]", out);
        assertThat(out).isEqualTo(plain("id 1234.5.6.7 x9.8.7.6 [10.0.0.1.5]"));
    }

    @Test
    void everyReceivedFieldOfTheCorpusGivesTheTokensOfThePlainRegexLoop() throws IOException {
        List<String> values = receivedValues();
        assertThat(values).hasSizeGreaterThan(1000);
        for (String v : values) {
            Set<String> out = new LinkedHashSet<>();
            Received.add(v, out);
            assertThat(List.copyOf(out)).as(v).isEqualTo(List.copyOf(plain(v)));
        }
    }

    private static List<String> receivedValues() throws IOException {
        List<String> out = new ArrayList<>();
        for (Path root : List.of(SAMPLES, SHARED)) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    for (HeaderField f : MessageParser.parse(Files.readAllBytes(p)).headers().fields()) {
                        if (f.name().equalsIgnoreCase("received")) {
                            out.add(f.rawValue());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static final Pattern IP = Pattern.compile("\\b(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.\\d{1,3}\\b");
    private static final Pattern HOST = Pattern.compile("\\b([a-z0-9-]+(?:\\.[a-z0-9-]+)+\\.[a-z]{2,6})\\b");
    private static final Pattern WITH = Pattern.compile("\\bwith (\\S+)");

    /** The loop Received used before: every pattern tried at every position. */
    private static Set<String> plain(String value) {
        Set<String> out = new LinkedHashSet<>();
        String v = value.toLowerCase(Locale.ROOT);
        Matcher ip = IP.matcher(v);
        while (ip.find()) {
            out.add("rcvd:ip:" + ip.group(1) + "." + ip.group(2));
            out.add("rcvd:ip:" + ip.group(1) + "." + ip.group(2) + "." + ip.group(3));
        }
        Matcher host = HOST.matcher(v);
        while (host.find()) {
            String h = host.group(1);
            out.add(Tokenizer.cap("rcvd:" + h));
            int dot = h.indexOf('.');
            if (dot > 0 && h.indexOf('.', dot + 1) > 0) {
                out.add(Tokenizer.cap("rcvd:" + h.substring(dot + 1)));
            }
        }
        Matcher with = WITH.matcher(v);
        if (with.find()) {
            out.add(Tokenizer.cap("rcvd:with:" + with.group(1)));
        }
        return out;
    }
}
