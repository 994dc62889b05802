// SPDX-License-Identifier: Apache-2.0
package io.moat.milter;

import io.moat.milter.config.ConfigException;
import io.moat.milter.config.ConfigLoader;
import io.moat.milter.config.MoatConfig;
import io.moat.milter.config.StoreSettings;
import io.moat.store.Store;
import java.nio.file.Files;
import io.moat.milter.record.GatewayLogLine;
import io.moat.milter.transport.ListenAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code moat-milter}: the daemon's command line. */
@Command(
        name = "moat-milter",
        mixinStandardHelpOptions = true,
        version = "moat-milter 0.1.0",
        description = {
            "Moat's milter daemon. Add to Postfix's main.cf:",
            "  smtpd_milters = inet:127.0.0.1:7357",
            "  milter_default_action = tempfail",
            "With no options it runs on the embedded defaults (inet:127.0.0.1:7357 and unix:/run/moat/milter.sock)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped normally", "1:could not start (bad config, address in use)", "2:bad command line"})
public final class MoatMilterCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML config file (see docs/configuration.md).")
    @Nullable Path config;

    @Option(names = {"-l", "--listen"}, paramLabel = "ADDR",
            description = "Listen on inet:HOST:PORT or unix:PATH; repeatable; replaces the config file's listen list.")
    List<String> listen = new ArrayList<>();

    @Option(names = "--check-config", description = "Validate the configuration, print it and exit.")
    boolean checkConfig;

    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    @Override
    public Integer call() {
        MoatConfig cfg;
        try {
            cfg = configuration();
        } catch (ConfigException e) {
            System.err.println("moat-milter: " + e.getMessage());
            return 1;
        }
        if (checkConfig) {
            System.out.println("moat-milter: configuration OK: " + cfg);
            return 0;
        }
        Store store;
        try {
            store = openStore(cfg.store());
        } catch (IOException | RuntimeException e) {
            System.err.println("moat-milter: cannot open the store " + cfg.store() + ": " + e.getMessage());
            return 1;
        }
        Daemon daemon;
        try {
            daemon = Daemon.start(cfg, store, Clock.systemUTC(), System::nanoTime, new GatewayLogLine());
        } catch (IOException e) {
            store.close();
            System.err.println("moat-milter: " + e.getMessage());
            return 1;
        }
        writePid(cfg.pidFile());
        sun.misc.Signal.handle(new sun.misc.Signal("HUP"), s -> daemon.reloadRules());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            stopped.countDown();
        }, "moat-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void writePid(@Nullable Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, ProcessHandle.current().pid() + "\n");
            file.toFile().deleteOnExit();
        } catch (IOException e) {
            System.err.println("moat-milter: cannot write pid file " + file + ": " + e.getMessage());
        }
    }

    private static Store openStore(StoreSettings s) throws IOException {
        if (s.url().startsWith("jdbc:sqlite:")) {
            Path file = Path.of(s.url().substring("jdbc:sqlite:".length())).toAbsolutePath();
            Files.createDirectories(file.getParent());
        }
        return Store.open(s.storeConfig(), Clock.systemUTC());
    }

    private MoatConfig configuration() throws ConfigException {
        ConfigLoader loader = new ConfigLoader(hostname(), Path.of(System.getProperty("java.io.tmpdir"), "moat-spool"));
        MoatConfig cfg = config == null ? loader.defaults() : loader.load(config);
        if (listen.isEmpty()) {
            return cfg;
        }
        List<ListenAddress> addresses = new ArrayList<>();
        for (String s : listen) {
            try {
                addresses.add(ListenAddress.parse(s));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--listen: " + e.getMessage());
            }
        }
        return cfg.withListen(addresses);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new MoatMilterCommand());
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("moat-milter: " + ex.getMessage());
            System.err.println("Try 'moat-milter --help'.");
            return 2;
        });
        int code = cl.execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
