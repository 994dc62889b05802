// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads messages from a path: a folder (every regular, non-hidden file below it, in name order,
 * each one message or an mbox), or one file. A file that starts with an mbox {@code From } line
 * and has more such separator lines (after an empty line, with a time in them) is split into its
 * messages; otherwise the file is one message.
 */
public final class CorpusReader {
    private static final java.util.regex.Pattern SEPARATOR = java.util.regex.Pattern.compile("^From \\S+ .*\\d{1,2}:\\d\\d");
    private CorpusReader() {
    }

    public static List<CorpusMessage> read(Path path) throws IOException {
        List<CorpusMessage> out = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                for (Path f : files.filter(Files::isRegularFile).filter(p -> !isHidden(p)).sorted().toList()) {
                    readFile(f, out);
                }
            }
        } else {
            readFile(path, out);
        }
        return out;
    }

    private static boolean isHidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static void readFile(Path file, List<CorpusMessage> out) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<int[]> spans = mboxSpans(bytes);
        if (spans.size() <= 1) {
            out.add(new CorpusMessage(file.toString(), bytes));
            return;
        }
        for (int i = 0; i < spans.size(); i++) {
            int[] s = spans.get(i);
            out.add(new CorpusMessage(file + "#" + (i + 1), Arrays.copyOfRange(bytes, s[0], s[1])));
        }
    }

    /** The [start, end) of each message of an mbox; one span if the file is not an mbox. */
    static List<int[]> mboxSpans(byte[] bytes) {
        List<int[]> spans = new ArrayList<>();
        byte[] from = "From ".getBytes(StandardCharsets.US_ASCII);
        if (!startsWith(bytes, 0, from)) {
            spans.add(new int[] {0, bytes.length});
            return spans;
        }
        int start = 0;
        for (int i = 0; i < bytes.length - 1; i++) {
            if (bytes[i] == '\n' && startsWith(bytes, i + 1, from) && (i == 0 || bytes[i - 1] == '\n')
                    && isSeparator(bytes, i + 1)) {
                spans.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        spans.add(new int[] {start, bytes.length});
        return spans;
    }

    /** A separator line looks like {@code From sender Mon Jan  1 00:00:00 2002}: it has a time. */
    private static boolean isSeparator(byte[] b, int start) {
        int end = start;
        while (end < b.length && b[end] != '\n' && end - start < 300) {
            end++;
        }
        String line = new String(b, start, end - start, StandardCharsets.ISO_8859_1);
        return SEPARATOR.matcher(line).find();
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (at + prefix.length > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
