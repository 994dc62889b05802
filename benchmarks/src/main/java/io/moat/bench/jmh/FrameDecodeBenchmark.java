// SPDX-License-Identifier: Apache-2.0
package io.moat.bench.jmh;

import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.CommandDecoder;
import io.moat.milter.protocol.CommandEncoder;
import io.moat.milter.protocol.Frame;
import io.moat.milter.protocol.FrameReader;
import io.moat.milter.protocol.FrameWriter;
import io.moat.milter.protocol.ProtocolException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding what Postfix 3.7 sends for one ~5 KB message: MACRO+MAIL, MACRO+RCPT, MACRO+DATA,
 * 20 MACRO+HEADER pairs, MACRO+EOH, MACRO+BODY, MACRO+EOM and ABORT (53 frames, about 6 KB).
 * {@code frames} measures framing alone ({@link FrameReader}); {@code commands} adds
 * {@link CommandDecoder}. Scores are per message (per whole sequence).
 *
 * <p>Run (after {@code ./mvnw -o -q -pl benchmarks -am package -DskipTests}):
 * <pre>java -cp benchmarks/target/moat-bench.jar org.openjdk.jmh.Main FrameDecodeBenchmark</pre>
 * Add {@code -prof gc} for allocation per message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FrameDecodeBenchmark {
    private byte[] wire = new byte[0];

    @Setup
    public void encodeOneMessage() {
        Map<String, String> i = Map.of("i", "4F1A2B3C5D");
        List<Frame> frames = new ArrayList<>();
        Map<String, String> mail = new LinkedHashMap<>(Map.of("{mail_addr}", "alice@example.org"));
        mail.put("{mail_host}", "example.org");
        mail.put("{mail_mailer}", "smtp");
        add(frames, new Command.Macro('M', mail), new Command.Mail("<alice@example.org>", List.of("SIZE=5120")));
        add(frames, new Command.Macro('R', Map.of("{rcpt_addr}", "bob@moat.test")),
                new Command.Rcpt("<bob@moat.test>", List.of()));
        add(frames, new Command.Macro('T', i), new Command.Data());
        for (int h = 0; h < 20; h++) {
            add(frames, new Command.Macro('L', i), new Command.Header(h % 2 == 0 ? "Received" : "X-Header-" + h,
                    " from host" + h + ".example.org (host" + h + ".example.org [192.0.2." + h + "])\n\tby mx.moat.test"));
        }
        add(frames, new Command.Macro('N', i), new Command.EndOfHeaders());
        add(frames, new Command.Macro('B', i), new Command.Body(body(3000)));
        add(frames, new Command.Macro('E', i), new Command.EndOfMessage(new byte[0]));
        frames.add(CommandEncoder.encode(new Command.Abort()));
        wire = FrameWriter.toBytes(frames);
    }

    private static void add(List<Frame> frames, Command.Macro macro, Command command) {
        frames.add(CommandEncoder.encode(macro));
        frames.add(CommandEncoder.encode(command));
    }

    private static byte[] body(int size) {
        StringBuilder b = new StringBuilder();
        while (b.length() < size) {
            b.append("The quick brown fox jumps over the lazy dog, again and again and again.\r\n");
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public void frames(Blackhole bh) throws IOException, ProtocolException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wire), 1 << 20);
        Frame f;
        while ((f = reader.read()) != null) {
            bh.consume(f);
        }
    }

    @Benchmark
    public void commands(Blackhole bh) throws IOException, ProtocolException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wire), 1 << 20);
        Frame f;
        while ((f = reader.read()) != null) {
            bh.consume(CommandDecoder.decode(f));
        }
    }
}
