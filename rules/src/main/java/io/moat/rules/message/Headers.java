// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The header fields of a message or a MIME entity, in order, looked up case-insensitively. */
public record Headers(List<HeaderField> fields) {
    public static final Headers EMPTY = new Headers(List.of());

    public Headers {
        fields = List.copyOf(fields);
    }

    /** Every raw value of the named field, in order. */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>(2);
        for (HeaderField f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                out.add(f.rawValue());
            }
        }
        return out;
    }

    /** The first raw value of the named field. */
    public Optional<String> first(String name) {
        for (HeaderField f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f.rawValue());
            }
        }
        return Optional.empty();
    }

    public boolean has(String name) {
        return first(name).isPresent();
    }

    /** The first value, decoded (RFC 2047), or the empty string. */
    public String decoded(String name) {
        return first(name).map(EncodedWords::decode).orElse("");
    }

    /** The lower-cased media type of the Content-Type field, without parameters. */
    public String mediaType(String fallback) {
        String v = first("Content-Type").orElse("");
        int semi = v.indexOf(';');
        String t = (semi < 0 ? v : v.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return t.indexOf('/') > 0 ? t : fallback;
    }

    /** A parameter of a structured field such as Content-Type ({@code boundary}, {@code charset}). */
    public Optional<String> parameter(String field, String param) {
        return first(field).flatMap(v -> HeaderParameters.find(v, param));
    }
}
