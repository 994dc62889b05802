// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the external programs a test needs. A missing one skips the test on a developer's
 * machine, with the command that installs it, and fails it under {@code CI=true}: CI must never
 * go green by skipping the parts it exists to exercise.
 */
final class Prerequisites {
    private static final List<String> EXTRA_DIRS = List.of("/usr/sbin", "/sbin", "/usr/local/sbin");

    private Prerequisites() {
    }

    /** The absolute path of each named program, in order, or the test is skipped (failed in CI). */
    static List<Path> require(String... programs) {
        List<Path> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String p : programs) {
            find(p).ifPresentOrElse(found::add, () -> missing.add(p));
        }
        if (!missing.isEmpty()) {
            unmet("missing " + String.join(", ", missing) + "; install with scripts/install-deps.sh");
        }
        return found;
    }

    static Path program(String name) {
        return require(name).getFirst();
    }

    /** A private Postfix instance can only be started by root (its master binds and drops privileges). */
    static void requireRoot() {
        if (!"root".equals(System.getProperty("user.name"))) {
            unmet("a throwaway Postfix instance must be started as root (running as "
                    + System.getProperty("user.name") + ")");
        }
    }

    private static void unmet(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and " + why);
        }
        Assumptions.abort("skipped: " + why);
    }

    private static Optional<Path> find(String program) {
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(EXTRA_DIRS);
        return dirs.stream().filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
