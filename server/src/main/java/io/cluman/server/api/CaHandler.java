package io.cluman.server.api;

import io.cluman.model.api.CaView;
import io.cluman.server.pki.ClusterCa;

/** {@code GET /v1/ca}: the cluster CA's certificate and fingerprint; public, as a certificate is. */
final class CaHandler {
    private final ClusterCa ca;

    CaHandler(ClusterCa ca) {
        this.ca = ca;
    }

    void register(Routes routes) {
        routes.get("/v1/ca", Access.PUBLIC, "server",
                        "The cluster CA's certificate (PEM) and SHA-256 fingerprint; join tokens pin its first 16 digits")
                .returns(CaView.class).handle(ctx -> ctx.json(new CaView(ca.certificatePem(), ca.fingerprint())));
    }
}
