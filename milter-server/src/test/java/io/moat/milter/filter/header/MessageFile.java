// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.header;

import io.moat.milter.session.HeaderField;
import io.moat.milter.session.ReversePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a message file's header the way the MTA would pass it to a milter: an optional mbox
 * "From " line skipped, fields split at colons, folded lines kept with their LF, one char per
 * byte (ISO-8859-1), headers ending at the first blank or non-header line. A Return-Path field
 * (written at delivery, so never seen by a milter) becomes the envelope sender and is dropped.
 */
final class MessageFile {
    private MessageFile() {
    }

    static MessageHeaders read(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        String[] lines = text.split("\n", -1);
        List<HeaderField> fields = new ArrayList<>();
        ReversePath sender = ReversePath.NULL;
        String name = null;
        StringBuilder value = new StringBuilder();
        for (int i = lines[0].startsWith("From ") ? 1 : 0; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append('\n').append(line);
                continue;
            }
            if (name != null) {
                fields.add(new HeaderField(name, value.toString()));
                name = null;
            }
            int colon = line.indexOf(':');
            if (line.isEmpty() || colon <= 0 || !line.substring(0, colon).matches("[!-9;-~]+")) {
                break;
            }
            name = line.substring(0, colon);
            value.setLength(0);
            value.append(line.substring(colon + 1).startsWith(" ") ? line.substring(colon + 2) : line.substring(colon + 1));
        }
        List<HeaderField> seen = new ArrayList<>();
        for (HeaderField f : fields) {
            if (f.name().equalsIgnoreCase("Return-Path")) {
                sender = ReversePath.parse(f.value());
            } else {
                seen.add(f);
            }
        }
        return new MessageHeaders(seen, sender);
    }
}
