// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.tika.mime.MediaType;
import org.jspecify.annotations.Nullable;

/**
 * The file types a message may not carry, anywhere in it (archives included): by detected type
 * (a type bans its specialisations too) and by file-name extension (the last one, so
 * {@code invoice.pdf.exe} is an {@code exe}).
 */
public record BannedTypes(Set<String> mediaTypes, Set<String> extensions) {
    /** Executables and scripts that run on a double click; the common ground of mail gateways. */
    public static final BannedTypes DEFAULTS = new BannedTypes(
            Set.of("application/x-dosexec", "application/x-msdownload", "application/x-ms-installer",
                    "application/x-ms-shortcut", "application/x-executable", "application/x-sharedlib",
                    "application/x-mach-o-executable", "application/java-archive", "application/hta"),
            Set.of("exe", "scr", "pif", "com", "bat", "cmd", "cpl", "msi", "msp", "lnk", "hta", "jar",
                    "vbs", "vbe", "js", "jse", "wsf", "wsh", "ps1", "reg", "iso", "img", "vhd"));

    public BannedTypes {
        mediaTypes = Set.copyOf(lower(mediaTypes));
        extensions = Set.copyOf(lower(extensions));
        for (String t : mediaTypes) {
            if (MediaType.parse(t) == null) {
                throw new IllegalArgumentException("content.banned-types: not a media type: \"" + t + "\"");
            }
            if (t.equals("application/octet-stream") || t.equals("text/plain")) {
                throw new IllegalArgumentException("content.banned-types: " + t + " would ban almost everything");
            }
        }
    }

    private static Set<String> lower(Set<String> in) {
        Set<String> out = new TreeSet<>();
        for (String s : in) {
            out.add(s.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""));
        }
        return out;
    }

    /** The banned type {@code detected} is, if any. */
    public Optional<String> bannedType(MediaType detected, TypeDetector detector) {
        for (String t : new TreeSet<>(mediaTypes)) {
            if (detector.isA(detected, MediaType.parse(t))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The banned extension {@code name} ends in, if any. */
    public Optional<String> bannedExtension(@Nullable String name) {
        if (name == null) {
            return Optional.empty();
        }
        String ext = PartName.extension(name);
        return extensions.contains(ext) ? Optional.of(ext) : Optional.empty();
    }

    public List<String> sortedTypes() {
        return List.copyOf(new TreeSet<>(mediaTypes));
    }
}
