// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The text of one rule file and the name it is reported under. */
public record RuleSource(String name, String text) {
    private static final String DEFAULTS = "/io/moat/rules/default/";

    public static RuleSource of(Path file) throws IOException {
        return new RuleSource(file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
    }

    /** A file, or every {@code *.cf} file of a folder in name order (SpamAssassin's convention). */
    public static List<RuleSource> from(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(of(path));
        }
        List<RuleSource> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(path)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".cf")).sorted().toList()) {
                out.add(of(f));
            }
        }
        return out;
    }

    /** Moat's own default rule files, listed in {@code default/index.txt} on the class path. */
    public static List<RuleSource> defaults() {
        List<RuleSource> out = new ArrayList<>();
        for (String name : resource("index.txt").split("\n")) {
            String n = name.strip();
            if (!n.isEmpty() && !n.startsWith("#")) {
                out.add(new RuleSource("default/" + n, resource(n)));
            }
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = RuleSource.class.getResourceAsStream(DEFAULTS + name)) {
            if (in == null) {
                throw new IllegalStateException("default rule file missing from the jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read default rule file " + name, e);
        }
    }
}
