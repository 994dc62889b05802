// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.record;

import io.moat.milter.protocol.HeaderText;
import io.moat.milter.verdict.Classification;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per message in the classic gateway form, to the {@code moat.message} logger:
 *
 * <pre>time host action classification &lt;sender&gt; &lt;rcpt&gt;[,&lt;rcpt&gt;] "subject" &lt;message-id&gt; score size queue-id</pre>
 *
 * followed by {@code client=} and {@code elapsed=}, the finding symbols, and for a virus the
 * signature names ({@code virus=NAME[,NAME]}, spaces and commas as {@code _}). Values are made safe
 * for a log line: no control characters, quotes escaped; missing values are {@code -}.
 */
public final class GatewayLogLine implements MessageRecorder {
    private static final Logger LOG = LoggerFactory.getLogger("moat.message");

    @Override
    public void record(MessageRecord r) {
        LOG.info(format(r));
    }

    public static String format(MessageRecord r) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(DateTimeFormatter.ISO_INSTANT.format(r.time())).append(' ')
                .append(orDash(r.host())).append(' ')
                .append(r.action()).append(' ')
                .append(r.classification().label()).append(' ')
                .append('<').append(clean(r.sender())).append("> ")
                .append(r.recipients().isEmpty() ? "-" : r.recipients().stream()
                        .map(x -> "<" + clean(x) + ">").collect(Collectors.joining(","))).append(' ')
                .append('"').append(clean(display(r.subject())).replace("\\", "\\\\").replace("\"", "\\\"")).append("\" ")
                .append(r.messageId().isEmpty() ? "-" : clean(r.messageId().strip())).append(' ')
                .append(String.format(Locale.ROOT, "%.2f", r.score())).append(' ')
                .append(r.size()).append(' ')
                .append(orDash(r.queueId()))
                .append(" client=").append(orDash(r.clientAddress()))
                .append(" elapsed=").append(r.elapsed().toNanos() / 1000 / 1000.0).append("ms");
        if (r.quarantineId() != 0) {
            sb.append(" quarantine=").append(r.quarantineId());
        }
        if (!r.findings().isEmpty()) {
            sb.append(" findings=").append(r.findings().stream().map(f -> f.symbol()).distinct()
                    .collect(Collectors.joining(",")));
        }
        String viruses = r.findings().stream().filter(f -> f.implies() == Classification.VIRUS && !f.detail().isBlank())
                .map(f -> clean(f.detail()).replace(' ', '_').replace(',', '_')).distinct().collect(Collectors.joining(","));
        if (!viruses.isEmpty()) {
            sb.append(" virus=").append(viruses);
        }
        return sb.toString();
    }

    /** Header bytes arrive as ISO-8859-1 chars; show raw UTF-8 subjects as the sender meant them. */
    private static String display(String latin1) {
        byte[] raw = latin1.getBytes(StandardCharsets.ISO_8859_1);
        String utf8 = new String(raw, StandardCharsets.UTF_8);
        return utf8.indexOf('\uFFFD') >= 0 ? latin1 : utf8;
    }

    private static String clean(String s) {
        return HeaderText.sanitize(s);
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "-" : clean(s);
    }
}
