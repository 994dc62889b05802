// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.options;

import io.moat.store.Actor;
import io.moat.store.Store;
import io.moat.store.StoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** A real SQLite store file in a test's temp directory, created (migrated) up front. */
public record TestStore(String url) {
    public static final Actor ADMIN = new Actor("alice", "test-host");

    private static Path template;

    /** A fresh store: a copy of one migrated template file (migrating each time is slow). */
    public static synchronized TestStore in(Path dir) {
        try {
            if (template == null) {
                Path d = Files.createTempDirectory("moat-template-");
                Path t = d.resolve("moat.db");
                d.toFile().deleteOnExit();
                t.toFile().deleteOnExit();
                Store.open(StoreConfig.of("jdbc:sqlite:" + t), Clock.systemUTC()).close();
                template = t;
            }
            Path file = dir.resolve("moat.db");
            Files.copy(template, file);
            return new TestStore("jdbc:sqlite:" + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Store open() {
        return Store.open(StoreConfig.of(url), Clock.systemUTC());
    }

    /** Runs {@code moat ARGS --store URL}. */
    public CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--store";
        all[args.length + 1] = url;
        return CliRun.run(all);
    }
}
