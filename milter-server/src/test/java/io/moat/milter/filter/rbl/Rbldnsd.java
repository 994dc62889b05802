// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real rbldnsd (Debian package rbldnsd) on a loopback UDP port, serving the zone files under
 * src/test/resources/rbl. Missing rbldnsd skips the test, except under CI=true where it fails.
 * The binary is /usr/sbin/rbldnsd, or the path in the environment variable RBLDNSD.
 */
final class Rbldnsd implements AutoCloseable {
    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/sbin/rbldnsd"), Path.of("/usr/bin/rbldnsd"));

    private final Process process;
    private final InetSocketAddress address;

    private Rbldnsd(Process process, InetSocketAddress address) {
        this.process = process;
        this.address = address;
    }

    /** Starts rbldnsd with zone specs such as {@code bl.test:ip4set:blocklist.ip4}, files copied from resources. */
    static Rbldnsd start(Path dir, String... zones) throws IOException, InterruptedException {
        String override = System.getenv("RBLDNSD"); // a path to another rbldnsd binary
        Path binary = (override != null ? List.of(Path.of(override)) : CANDIDATES).stream()
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (binary == null) {
            String why = "rbldnsd is not installed (apt-get install rbldnsd): the RBL tests need a real DNS server";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        copyZones(dir, zones);
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return launch(binary, dir, freePort(), zones);
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private static Rbldnsd launch(Path binary, Path dir, int port, String... zones) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "-n", "-b", "127.0.0.1/" + port, "-w", dir.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("-u", "nobody")); // rbldnsd refuses to keep root
        }
        cmd.addAll(List.of(zones));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        if (!awaitStarted(p.getInputStream(), log)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
            throw new IOException("rbldnsd did not start: " + log);
        }
        Thread.ofVirtual().start(() -> drain(p.getInputStream()));
        return new Rbldnsd(p, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    private static boolean awaitStarted(InputStream out, StringBuilder log) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            log.append(line).append('\n');
            if (line.contains(" started ")) {
                return true;
            }
        }
        return false;
    }

    private static void drain(InputStream in) {
        try {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the process ended
        }
    }

    private static void copyZones(Path dir, String... zones) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String spec : zones) {
            String file = spec.substring(spec.lastIndexOf(':') + 1);
            try (InputStream in = Rbldnsd.class.getResourceAsStream("/rbl/" + file)) {
                if (in == null) {
                    throw new IOException("no test zone file rbl/" + file);
                }
                Path target = dir.resolve(file);
                Files.copy(in, target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
    }

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
