// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A private Postfix 3.7 instance in a temp directory: its own config_directory, queue_directory
 * and data_directory, listening only on loopback. Started and stopped with {@code postfix -c DIR};
 * as root, Postfix accepts a non-default config directory without it being listed in
 * /etc/postfix/main.cf, so nothing outside the temp directory is touched.
 */
final class PostfixInstance implements AutoCloseable {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path root;
    private final Path etc;
    private final InstancePorts ports;
    private final Path postfix;
    private final Path postconf;
    private final Path postqueue;
    private boolean started;

    private PostfixInstance(Path root, Path etc, InstancePorts ports, Path postfix, Path postconf, Path postqueue) {
        this.root = root;
        this.etc = etc;
        this.ports = ports;
        this.postfix = postfix;
        this.postconf = postconf;
        this.postqueue = postqueue;
    }

    /** Writes the instance's configuration from postfix-conf/, pointing smtpd_milters at {@code milter}. */
    static PostfixInstance configure(Path root, InstancePorts ports, String milter) {
        var programs = Prerequisites.require("postfix", "postconf", "postqueue");
        Path etc = PostfixConf.writeInstance(root, ports);
        try {
            // queue_directory is created by root, as the package does; data_directory is left to
            // postfix-script, which creates it owned by mail_owner (master refuses one owned by root).
            Files.createDirectories(root.resolve("spool"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PostfixInstance pf = new PostfixInstance(root, etc, ports, programs.get(0), programs.get(1), programs.get(2));
        pf.postconf("-e", "smtpd_milters=" + milter);
        return pf;
    }

    Exec.Result postconf(String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = postconf.toString();
        cmd[1] = "-c";
        cmd[2] = etc.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        return Exec.run(COMMAND_TIMEOUT, cmd).requireSuccess();
    }

    void start() {
        Exec.run(COMMAND_TIMEOUT, postfix.toString(), "-c", etc.toString(), "start").requireSuccess();
        started = true;
        Waits.until("Postfix smtpd on port " + ports.smtpd(), Duration.ofSeconds(20),
                () -> Waits.accepting(ports.smtpd()), this::maillog);
    }

    /** {@code postqueue -f}: retry every deferred message now. */
    void flush() {
        Exec.run(COMMAND_TIMEOUT, postqueue.toString(), "-c", etc.toString(), "-f").requireSuccess();
    }

    boolean queueIsEmpty() {
        Exec.Result r = Exec.run(COMMAND_TIMEOUT, postqueue.toString(), "-c", etc.toString(), "-p").requireSuccess();
        return r.output().contains("Mail queue is empty");
    }

    String queueListing() {
        return Exec.run(COMMAND_TIMEOUT, postqueue.toString(), "-c", etc.toString(), "-p").output();
    }

    String maillog() {
        return MoatDaemon.read(root.resolve("maillog"));
    }

    InstancePorts ports() {
        return ports;
    }

    /** Stops the instance and waits for its master process to exit; escalates to abort, then SIGKILL. */
    @Override
    public void close() {
        if (!started) {
            return;
        }
        started = false;
        Optional<ProcessHandle> master = masterProcess();
        Exec.run(COMMAND_TIMEOUT, postfix.toString(), "-c", etc.toString(), "stop");
        if (master.isPresent() && !exited(master.get(), Duration.ofSeconds(15))) {
            Exec.run(COMMAND_TIMEOUT, postfix.toString(), "-c", etc.toString(), "abort");
            if (!exited(master.get(), Duration.ofSeconds(5))) {
                master.get().destroyForcibly();
                exited(master.get(), Duration.ofSeconds(5));
            }
        }
    }

    /** The master process, found by the pid file in this instance's own queue directory. */
    private Optional<ProcessHandle> masterProcess() {
        Path pidFile = root.resolve("spool/pid/master.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
            return ProcessHandle.of(pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean exited(ProcessHandle p, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (p.isAlive() && System.nanoTime() - deadline < 0) {
            Waits.sleep(Duration.ofMillis(100));
        }
        return !p.isAlive();
    }
}
