// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
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
        List<String> out = new ArrayList<>();
        for (MediaType t = registry.normalize(type.getBaseType()); t != null; t = registry.getSupertype(t)) {
            add(out, t);
            registry.getAliases(t).forEach(a -> add(out, a));
        }
        if (out.isEmpty()) {
            add(out, type.getBaseType());
        }
        return out;
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
