// SPDX-License-Identifier: Apache-2.0
package io.moat.bench.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads corpus files (with or without an mbox "From " line) and keeps those whose SMTP size falls
 * inside a window: messages are used whole, never truncated or padded. Bytes are kept as
 * ISO-8859-1 characters so 8-bit headers reach the milter unchanged.
 */
public final class CorpusReader {
    private final int minSize;
    private final int maxSize;

    public CorpusReader(int minSize, int maxSize) {
        this.minSize = minSize;
        this.maxSize = maxSize;
    }

    /** Every file under the directories (sorted, so runs are repeatable) whose size fits. */
    public List<SampleMessage> read(List<Path> directories) {
        List<SampleMessage> out = new ArrayList<>();
        for (Path dir : directories) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    SampleMessage m = parse(f.toString(), Files.readAllBytes(f));
                    if (m.size() >= minSize && m.size() <= maxSize && !m.fields().isEmpty()) {
                        out.add(m);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Splits one message into header fields and a CRLF body, dropping a leading mbox "From " line. */
    public static SampleMessage parse(String source, byte[] raw) {
        List<String> lines = lines(new String(raw, StandardCharsets.ISO_8859_1));
        int i = !lines.isEmpty() && lines.get(0).startsWith("From ") ? 1 : 0;
        List<SampleMessage.Field> fields = new ArrayList<>();
        int size = 0;
        StringBuilder current = null;
        for (; i < lines.size() && !lines.get(i).isEmpty(); i++) {
            String line = lines.get(i);
            size += line.length() + 2;
            if ((line.startsWith(" ") || line.startsWith("\t")) && current != null) {
                current.append('\n').append(line);
            } else if (line.indexOf(':') > 0) {
                add(fields, current);
                current = new StringBuilder(line);
            }
        }
        add(fields, current);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (i++; i < lines.size(); i++) {
            body.writeBytes(lines.get(i).getBytes(StandardCharsets.ISO_8859_1));
            body.write('\r');
            body.write('\n');
        }
        size += 2 + body.size();
        return new SampleMessage(source, fields, body.toByteArray(), size);
    }

    private static void add(List<SampleMessage.Field> fields, StringBuilder field) {
        if (field != null) {
            int colon = field.indexOf(":");
            fields.add(new SampleMessage.Field(field.substring(0, colon).strip(), field.substring(colon + 1)));
        }
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
