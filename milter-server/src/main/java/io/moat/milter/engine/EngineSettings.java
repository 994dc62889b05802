// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

import io.moat.milter.pipeline.Pipeline;
import io.moat.milter.record.MessageRecorder;
import io.moat.milter.session.Negotiator;
import io.moat.milter.verdict.PolicySource;
import io.moat.milter.verdict.Scorer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * Everything a {@link MilterSession} needs, shared by all connections: the wired pipeline,
 * recipients' policies, the quarantine, the recorder, limits, and the injected clock and nanosecond ticker.
 */
public record EngineSettings(
        Negotiator negotiator,
        Pipeline pipeline,
        Scorer scorer,
        PolicySource policies,
        QuarantineSink quarantine,
        MessageRecorder recorder,
        Clock clock,
        LongSupplier ticker,
        long maxMessageSize,
        int memoryLimit,
        Path spoolDirectory,
        String traceHeader,
        String hostname) {
    /** The same settings with another negotiator (per listener). */
    public EngineSettings withNegotiator(Negotiator other) {
        return new EngineSettings(other, pipeline, scorer, policies, quarantine, recorder, clock, ticker, maxMessageSize,
                memoryLimit, spoolDirectory, traceHeader, hostname);
    }
}
