// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.jspecify.annotations.Nullable;

/**
 * The true type of a stream from its first bytes, by Tika's magic database (tika-core only). A
 * file name may refine a type the bytes agree with (a zip named {@code .docx} is a Word file) but
 * never overrule it (an executable named {@code .pdf} stays an executable). Thread-safe.
 */
public final class TypeDetector {
    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
    private final MediaTypeRegistry registry = types.getMediaTypeRegistry();

    private static final int TEXT_PROBE = 4096;
    private static final String PGP_SIGNATURE = "application/pgp-signature";
    private static final byte[] ARMOUR = "-----BEGIN PGP ".getBytes(StandardCharsets.US_ASCII);
    private final Map<MediaType, List<String>> lineages = new ConcurrentHashMap<>();

    /**
     * Like {@link #detect(InputStream, String)}, but two kinds of part whose first 4 KiB
     * hold no control bytes skip the magic pass, which costs most on text (every one of Tika's
     * patterns is tried and none matches; a fifth of the daemon's CPU on ordinary mail):
     * <ul>
     *   <li>a part declared {@code text/plain} or {@code text/html} is taken as declared;</li>
     *   <li>a part declared {@code application/pgp-signature}, unnamed or named {@code *.asc} or
     *       {@code *.sig}, that starts with a PGP armour line ({@code -----BEGIN PGP }) is
     *       {@code text/plain}, which is what the magic pass finds for it: Tika has no pattern for
     *       ASCII armour, and those names do not refine text.</li>
     * </ul>
     * Anything else (another name, a binary byte, another declared type) still has its bytes
     * examined. Inline PGP is found by the text scan.
     */
    public MediaType detect(InputStream in, @Nullable String name, String declared) throws IOException {
        boolean text = name == null && (declared.equals("text/plain") || declared.equals("text/html"));
        boolean signature = declared.equals(PGP_SIGNATURE) && (name == null || isSignatureName(name));
        if (text || signature) {
            byte[] head = peek(in);
            if (isText(head)) {
                if (text) {
                    return declared.equals("text/plain") ? MediaType.TEXT_PLAIN : MediaType.TEXT_HTML;
                }
                if (startsWith(head, ARMOUR)) {
                    return MediaType.TEXT_PLAIN;
                }
            }
        }
        return detect(in, name);
    }

    /**
     * {@code signature.asc}, {@code OpenPGP.asc}, {@code msg.sig}: names Tika does not let refine
     * armoured text (it stays {@code text/plain}), unlike {@code .js} or {@code .html}, which do.
     */
    private static boolean isSignatureName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".asc") || lower.endsWith(".sig");
    }

    private static byte[] peek(InputStream in) throws IOException {
        in.mark(TEXT_PROBE);
        try {
            return in.readNBytes(TEXT_PROBE);
        } finally {
            in.reset();
        }
    }

    private static boolean isText(byte[] head) {
        for (byte b : head) {
            // Tab, LF, FF, CR and ESC (ISO-2022 text) are text; other C0 controls and DEL are not.
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r' && b != 0x1B) || b == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Detects the type of {@code in}, which must support mark/reset; the stream is left at its start. */
    public MediaType detect(InputStream in, @Nullable String name) throws IOException {
        Metadata md = new Metadata();
        if (name != null) {
            md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        return types.detect(in, md).getBaseType();
    }

    /** True when {@code type} is {@code ancestor} or a specialisation of it (x-msdownload is an x-dosexec). */
    public boolean isA(MediaType type, MediaType ancestor) {
        return registry.isInstanceOf(registry.normalize(type), registry.normalize(ancestor));
    }

    /**
     * The type, its aliases, then each supertype and its aliases, most specific first, lower
     * case: what a banned-types list is checked against ({@code x-msdownload} is an {@code x-dosexec}).
     */
    public List<String> lineage(MediaType type) {
        // Tika looks aliases up by scanning its whole registry: worth remembering per type.
        return lineages.computeIfAbsent(type.getBaseType(), this::computeLineage);
    }

    private List<String> computeLineage(MediaType type) {
        List<String> out = new ArrayList<>();
        for (MediaType t = registry.normalize(type.getBaseType()); t != null; t = registry.getSupertype(t)) {
            add(out, t);
            registry.getAliases(t).forEach(a -> add(out, a));
        }
        if (out.isEmpty()) {
            add(out, type.getBaseType());
        }
        return List.copyOf(out);
    }

    private static void add(List<String> out, MediaType t) {
        String s = t.getBaseType().toString().toLowerCase(Locale.ROOT);
        if (!out.contains(s)) {
            out.add(s);
        }
    }

    /** How many bytes detection may read; callers buffer at least this much. */
    public int readLimit() {
        return Math.max(types.getMinLength(), 64 * 1024);
    }
}
