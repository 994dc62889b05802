// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.metrics;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics of one daemon: its registry with every binder bound, the JVM's meters, and the
 * HTTP endpoint. Closed with the daemon, which stops the listener.
 */
public final class MetricsExport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsExport.class);

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;
    private final @Nullable MetricsEndpoint endpoint;

    private MetricsExport(PrometheusMeterRegistry registry, JvmGcMetrics gc, @Nullable MetricsEndpoint endpoint) {
        this.registry = registry;
        this.gc = gc;
        this.endpoint = endpoint;
    }

    /** A registry of its own (no global one), on the daemon's injected clock and ticker. */
    public static PrometheusMeterRegistry registry(Clock clock, LongSupplier ticker) {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), new TickerClock(clock, ticker));
    }

    /**
     * Binds {@code binders} and the JVM's meters to {@code registry} and serves it. A default
     * address that is taken is logged and skipped; an address the admin chose must be bound.
     */
    public static MetricsExport start(MetricsSettings settings, PrometheusMeterRegistry registry, List<MeterBinder> binders)
            throws IOException {
        for (MeterBinder b : binders) {
            b.bindTo(registry);
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        MetricsEndpoint endpoint = null;
        try {
            endpoint = MetricsEndpoint.start(settings.address(), registry);
            LOG.info("metrics on http://{}{}", settings.listen().replaceFirst(":\\d+$", ":" + endpoint.address().getPort()),
                    MetricsEndpoint.PATH);
        } catch (IOException e) {
            String why = "cannot listen on metrics.listen " + settings.listen() + ": " + e.getMessage();
            if (!settings.listenIsDefault()) {
                gc.close();
                registry.close();
                throw new IOException(why, e);
            }
            LOG.warn("{}; going on without the metrics endpoint", why);
        }
        return new MetricsExport(registry, gc, endpoint);
    }

    /** Where the endpoint listens; empty when its default address was taken. */
    public Optional<InetSocketAddress> address() {
        return Optional.ofNullable(endpoint).map(MetricsEndpoint::address);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        if (endpoint != null) {
            endpoint.close();
        }
        gc.close();
        registry.close();
    }
}
