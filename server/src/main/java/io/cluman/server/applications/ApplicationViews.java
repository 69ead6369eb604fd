package io.cluman.server.applications;

import io.cluman.model.api.ApplicationServiceView;
import io.cluman.model.api.ApplicationView;
import io.cluman.model.api.ServiceView;
import io.cluman.model.application.Application;
import java.util.Map;

/** Joins an application with its services' views for the API. Pure. */
final class ApplicationViews {
    private ApplicationViews() {
    }

    /**
     * @param services the services' views by service name (a service that is gone is missing)
     * @param detailed whether to include the compose text (one application) or not (lists)
     */
    static ApplicationView of(Application a, Map<String, ServiceView> services, boolean detailed) {
        return new ApplicationView(a.name(), a.cluster(), a.state(), a.failure(), a.services().stream()
                .map(s -> new ApplicationServiceView(s.name(), s.replicas(), s.released(), s.dependsOn(),
                        services.get(s.service())))
                .toList(), a.warnings(), a.variableNames(), detailed ? a.source() : null, a.createdAt(),
                a.revision());
    }
}
