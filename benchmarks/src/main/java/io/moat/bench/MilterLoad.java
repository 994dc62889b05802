// SPDX-License-Identifier: Apache-2.0
package io.moat.bench;

import io.moat.bench.load.CorpusReader;
import io.moat.bench.load.GcLog;
import io.moat.bench.load.HostCpu;
import io.moat.bench.load.LoadReport;
import io.moat.bench.load.LoadRun;
import io.moat.bench.load.LoadSettings;
import io.moat.bench.load.PreparedMessage;
import io.moat.bench.load.SampleMessage;
import io.moat.bench.load.Tally;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The milter load generator: plays Postfix 3.7 against a running milter and prints messages per
 * second, latency from MAIL to the EOM reply (p50/p99/max) and, given the daemon's PID and GC log,
 * its CPU and heap. scripts/bench-milter.sh starts a daemon and runs this against it.
 *
 * <pre>java -jar benchmarks/target/moat-bench.jar --target 127.0.0.1:7357 \
 *     --corpus ../shared/corpus/train/ham --corpus ../shared/corpus/train/spam --duration 30</pre>
 */
@Command(name = "moat-bench-milter", mixinStandardHelpOptions = true,
        description = "Load a milter the way Postfix 3.7 does and measure it.")
public final class MilterLoad implements Callable<Integer> {
    @Option(names = "--target", description = "the milter, HOST:PORT or unix:PATH (default ${DEFAULT-VALUE})")
    String target = "127.0.0.1:7357";
    @Option(names = "--corpus", required = true, description = "a directory of messages (repeatable)")
    List<Path> corpus = List.of();
    @Option(names = "--min-size", description = "smallest message used, bytes (default ${DEFAULT-VALUE})")
    int minSize = 4096;
    @Option(names = "--max-size", description = "largest message used, bytes (default ${DEFAULT-VALUE})")
    int maxSize = 6144;
    @Option(names = {"-c", "--connections"}, description = "concurrent connections (default ${DEFAULT-VALUE})")
    int connections = 50;
    @Option(names = "--messages-per-connection", description = "messages per SMTP session (default ${DEFAULT-VALUE})")
    int perConnection = 1;
    @Option(names = "--warmup", description = "seconds played before measuring (default ${DEFAULT-VALUE})")
    double warmup = 10;
    @Option(names = "--duration", description = "seconds measured (default ${DEFAULT-VALUE})")
    double duration = 30;
    @Option(names = "--messages", description = "measure this many messages instead of a duration")
    long messages;
    @Option(names = "--flush-each-frame", description = "write MACRO and its command in two writes (Postfix"
            + " does not; with --nagle this shows the delayed-ACK stall)")
    boolean flushEachFrame;
    @Option(names = "--nagle", description = "leave Nagle's algorithm on, as Postfix's milter socket does"
            + " (default: TCP_NODELAY)")
    boolean nagle;
    @Option(names = "--write-buffer", description = "bytes buffered per write (default ${DEFAULT-VALUE}; Postfix's"
            + " VSTREAM buffer is 4096, so with --nagle a 5 KB BODY leaves in two writes as it does from Postfix)")
    int writeBuffer = 65536;
    @Option(names = "--daemon-pid", description = "the milter's PID, to report the CPU it used")
    long daemonPid;
    @Option(names = "--gc-log", description = "the milter's -Xlog:gc file, to report its heap")
    @Nullable Path gcLog;
    @Option(names = "--json", description = "print one JSON object instead of a table")
    boolean json;

    public static void main(String[] args) {
        System.exit(new CommandLine(new MilterLoad()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<SampleMessage> samples = new CorpusReader(minSize, maxSize).read(corpus);
        if (samples.isEmpty()) {
            System.err.println("no message between " + minSize + " and " + maxSize + " bytes in " + corpus);
            return 1;
        }
        List<PreparedMessage> prepared = samples.stream().map(PreparedMessage::of).toList();
        double mean = samples.stream().mapToInt(SampleMessage::size).average().orElse(0);
        LoadSettings settings = new LoadSettings(address(target), connections, perConnection,
                seconds(warmup), seconds(messages > 0 ? 0 : duration), messages, flushEachFrame, nagle,
                writeBuffer);
        LoadRun run = new LoadRun(settings, prepared, System::nanoTime);
        AtomicReference<Tally> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread runner = Thread.ofPlatform().name("load").start(() -> {
            try {
                result.set(run.run());
            } catch (InterruptedException e) {
                failure.set(e);
            }
        });
        Thread.sleep(Math.max(0, (run.measureStart() - System.nanoTime()) / 1_000_000));
        Duration daemon0 = cpu(daemonPid);
        Duration self0 = cpu(ProcessHandle.current().pid());
        Duration host0 = HostCpu.busy();
        runner.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        Duration host = HostCpu.busy().minus(host0);
        Tally tally = result.get();
        double secs = messages > 0 ? (tally.lastEnd() - run.measureStart()) / 1e9 : duration;
        LoadReport report = new LoadReport(settings, samples.size(), mean, tally, secs,
                daemonPid > 0 ? cpu(daemonPid).minus(daemon0) : null,
                cpu(ProcessHandle.current().pid()).minus(self0), host, Runtime.getRuntime().availableProcessors(),
                gcLog != null ? GcLog.read(gcLog) : null);
        System.out.println(json ? report.json() : report.table());
        return tally.messages() > 0 && tally.errors() == 0 ? 0 : 1;
    }

    private static Duration cpu(long pid) {
        if (pid <= 0) {
            return Duration.ZERO;
        }
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }

    private static SocketAddress address(String hostPort) {
        if (hostPort.startsWith("unix:")) {
            return UnixDomainSocketAddress.of(hostPort.substring(5));
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon < 1) {
            throw new CommandLine.ParameterException(new CommandLine(new MilterLoad()), "--target must be HOST:PORT");
        }
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
