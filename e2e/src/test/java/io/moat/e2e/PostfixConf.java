// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shipped postfix-conf/ fragments, and Postfix configuration directories built from them:
 * {@code main.cf} is a test base plus every {@code main.cf.d/*.cf} in name order, {@code master.cf}
 * likewise with {@code master.cf.d/*.cf}, the same concatenation an admin does by hand.
 */
final class PostfixConf {
    /** The reinjection listener's address as shipped; a test instance moves it to a free port. */
    static final String SHIPPED_REINJECT_ADDRESS = "127.0.0.1:10026";

    private PostfixConf() {
    }

    static Path directory() {
        String root = System.getProperty("moat.root");
        Path dir = Path.of(root == null ? ".." : root, "postfix-conf").toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("postfix-conf/ not found at " + dir + " (set -Dmoat.root)");
        }
        return dir;
    }

    static String mainFragments() {
        return concatenate(directory().resolve("main.cf.d"));
    }

    static String masterFragments() {
        return concatenate(directory().resolve("master.cf.d"));
    }

    /** Writes {@code dir/main.cf} and {@code dir/master.cf} from the fragments alone. */
    static Path writeFragmentsOnly(Path dir) {
        write(dir.resolve("main.cf"), mainFragments());
        write(dir.resolve("master.cf"), masterFragments());
        return dir;
    }

    /** Writes a runnable instance's {@code etc/} under {@code root}; returns that config directory. */
    static Path writeInstance(Path root, InstancePorts ports) {
        Path etc = root.resolve("etc");
        String main = base("main.cf")
                .replace("@DIR@", root.toString())
                .replace("@SINK_PORT@", Integer.toString(ports.sink()))
                + "\n" + mainFragments();
        String master = base("master.cf").replace("@SMTPD_PORT@", Integer.toString(ports.smtpd()))
                + "\n" + masterFragments().replace(SHIPPED_REINJECT_ADDRESS, "127.0.0.1:" + ports.reinject());
        write(etc.resolve("main.cf"), main);
        write(etc.resolve("master.cf"), master);
        return etc;
    }

    private static String concatenate(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.filter(f -> f.getFileName().toString().endsWith(".cf")).sorted().toList();
            if (sorted.isEmpty()) {
                throw new IllegalStateException("no *.cf fragments in " + dir);
            }
            StringBuilder out = new StringBuilder();
            for (Path f : sorted) {
                out.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base(String name) {
        try (InputStream in = PostfixConf.class.getResourceAsStream("/postfix-base/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource postfix-base/" + name + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
