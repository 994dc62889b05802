// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The file types a message may not carry, anywhere in it (archives included): by detected type
 * (a type bans its specialisations too) and by file-name extension (the last one, so
 * {@code invoice.pdf.exe} is an {@code exe}). The global list is the config file's; a domain's
 * policy may add to it or replace it, and each recipient is judged by its own.
 */
public record BannedTypes(Set<String> mediaTypes, Set<String> extensions) {
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");

    /** Executables and scripts that run on a double click; the common ground of mail gateways. */
    public static final BannedTypes DEFAULTS = new BannedTypes(
            Set.of("application/x-dosexec", "application/x-msdownload", "application/x-ms-installer",
                    "application/x-ms-shortcut", "application/x-executable", "application/x-sharedlib",
                    "application/x-mach-o-executable", "application/java-archive", "application/hta"),
            Set.of("exe", "scr", "pif", "com", "bat", "cmd", "cpl", "msi", "msp", "lnk", "hta", "jar",
                    "vbs", "vbe", "js", "jse", "wsf", "wsh", "ps1", "reg", "iso", "img", "vhd"));

    public static final BannedTypes NONE = new BannedTypes(Set.of(), Set.of());

    public BannedTypes {
        mediaTypes = Set.copyOf(lower(mediaTypes));
        extensions = Set.copyOf(lower(extensions));
        for (String t : mediaTypes) {
            if (!MEDIA_TYPE.matcher(t).matches()) {
                throw new IllegalArgumentException("content.banned-types: not a media type: \"" + t + "\"");
            }
            if (t.equals("application/octet-stream") || t.equals("text/plain")) {
                throw new IllegalArgumentException("content.banned-types: " + t + " would ban almost everything");
            }
        }
        for (String e : extensions) {
            if (e.isEmpty() || e.contains("/") || e.contains(".")) {
                throw new IllegalArgumentException("content.banned-extensions: not an extension: \"" + e + "\"");
            }
        }
    }

    /**
     * Reads one mixed list, as the store keeps it: items with a {@code /} are media types, the
     * others extensions ({@code exe} or {@code .exe}).
     */
    public static BannedTypes parseMixed(List<String> items) {
        Set<String> types = new HashSet<>();
        Set<String> exts = new HashSet<>();
        for (String i : items) {
            (i.contains("/") ? types : exts).add(i);
        }
        return new BannedTypes(types, exts);
    }

    private static Set<String> lower(Set<String> in) {
        Set<String> out = new TreeSet<>();
        for (String s : in) {
            out.add(s.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""));
        }
        return out;
    }

    /** Both lists together: what a domain that adds to the global list bans. */
    public BannedTypes plus(BannedTypes more) {
        Set<String> t = new HashSet<>(mediaTypes);
        t.addAll(more.mediaTypes);
        Set<String> e = new HashSet<>(extensions);
        e.addAll(more.extensions);
        return new BannedTypes(t, e);
    }

    /** The banned type a file is, given its type lineage (detected type, aliases, supertypes), if any. */
    public Optional<String> bannedType(List<String> typeLineage) {
        for (String t : typeLineage) {
            if (mediaTypes.contains(t.toLowerCase(Locale.ROOT))) {
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
        String ext = extension(name);
        return extensions.contains(ext) ? Optional.of(ext) : Optional.empty();
    }

    /**
     * The BANNED_TYPE and BANNED_NAME findings these files earn under this list, with the details
     * the content walk writes ({@code location: type}, {@code location: .ext}).
     */
    public List<Finding> findings(List<AttachedFile> files) {
        List<Finding> out = new ArrayList<>();
        for (AttachedFile f : files) {
            if (bannedType(f.typeLineage()).isPresent()) {
                out.add(new Finding("BANNED_TYPE", 0, f.location() + ": " + f.detectedType(), Classification.BANNED));
            }
            bannedExtension(f.filename()).ifPresent(e ->
                    out.add(new Finding("BANNED_NAME", 0, f.location() + ": ." + e, Classification.BANNED)));
        }
        return out;
    }

    /** Whether a finding is one a banned list decides (and so one a recipient's own list re-decides). */
    public static boolean isListFinding(Finding f) {
        return f.symbol().equals("BANNED_TYPE") || f.symbol().equals("BANNED_NAME");
    }

    public List<String> sortedTypes() {
        return List.copyOf(new TreeSet<>(mediaTypes));
    }

    public List<String> sortedExtensions() {
        return List.copyOf(new TreeSet<>(extensions));
    }

    /** The last extension of a name, lower case, ignoring trailing dots and spaces: {@code a.pdf.exe.} is {@code exe}. */
    public static String extension(String name) {
        String s = name.strip();
        while (s.endsWith(".") || s.endsWith(" ")) {
            s = s.substring(0, s.length() - 1);
        }
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(slash + 1);
        int dot = s.lastIndexOf('.');
        return dot < 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
