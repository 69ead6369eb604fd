package io.cluman.server.api;

import io.cluman.server.prometheus.ServerMeters;

/**
 * {@code GET /metrics}: the fleet's gauges and the server's own meters in the Prometheus text format. Needs a
 * viewer token, which Prometheus sends with {@code authorization: credentials:} (docs/prometheus.md): node
 * names and service names are not for anyone who can reach the port.
 */
final class PrometheusHandler {
    private final ServerMeters meters;

    PrometheusHandler(ServerMeters meters) {
        this.meters = meters;
    }

    void register(Routes routes) {
        routes.get("/metrics", Access.VIEWER, "metrics", "Fleet gauges and the server's own meters for Prometheus"
                        + " (text format 0.0.4)")
                .returns(String.class).contentType("text/plain; version=0.0.4")
                .handle(ctx -> ctx.contentType(ServerMeters.CONTENT_TYPE).result(meters.scrape()));
    }
}
