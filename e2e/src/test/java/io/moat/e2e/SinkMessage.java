// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One message as smtp-sink dumped it: the sink's own X-Client-* lines, then the message as received. */
record SinkMessage(Path file, List<String> headers, String body) {
    private static final Pattern ANGLE_ADDRESS = Pattern.compile("<([^>]*)>");

    static SinkMessage read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int end = text.indexOf("\n\n");
        String head = end < 0 ? text : text.substring(0, end);
        List<String> fields = new ArrayList<>();
        for (String line : head.split("\n")) {
            if (!fields.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
                fields.set(fields.size() - 1, fields.getLast() + " " + line.strip());
            } else if (!line.isEmpty()) {
                fields.add(line);
            }
        }
        return new SinkMessage(file, List.copyOf(fields), end < 0 ? "" : text.substring(end + 2));
    }

    /** The values of every field with this name, unfolded, without the leading space. */
    List<String> header(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(h -> h.substring(prefix.length()).strip()).toList();
    }

    /** The envelope recipients this copy was delivered to: smtp-sink's one X-Rcpt-Args line per RCPT. */
    List<String> envelopeRecipients() {
        List<String> out = new ArrayList<>();
        for (String args : header("X-Rcpt-Args")) {
            Matcher m = ANGLE_ADDRESS.matcher(args);
            out.add(m.find() ? m.group(1) : args);
        }
        return List.copyOf(out);
    }
}
