// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.moat.milter.transport.MilterServer;

/** The MTA connections the milter server serves now, has accepted, and has refused since it started. */
public final class ConnectionMeters implements MeterBinder {
    private final MilterServer server;

    public ConnectionMeters(MilterServer server) {
        this.server = server;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("moat.connections.open", server, MilterServer::activeConnections)
                .description("MTA connections being served now")
                .register(registry);
        FunctionCounter.builder("moat.connections.accepted", server, MilterServer::acceptedConnections)
                .description("MTA connections accepted and served (those refused at the connection limit are not counted)")
                .register(registry);
        FunctionCounter.builder("moat.connections.refused", server, MilterServer::refusedConnections)
                .description("MTA connections closed at once: connections.max reached, or shutting down (Postfix tempfails them)")
                .register(registry);
    }
}
