package io.cluman.server.compose;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A service that waits for another to be {@code service_healthy} needs that other service to have a health
 * check, or it would wait forever: Cluman does not run an image's own HEALTHCHECK.
 */
final class HealthDependencies {
    private HealthDependencies() {
    }

    static void check(List<ComposeService> services, Findings findings) {
        Map<String, ComposeService> byName = services.stream()
                .collect(Collectors.toMap(ComposeService::name, Function.identity()));
        for (ComposeService s : services) {
            for (ComposeDependency d : s.dependsOn()) {
                ComposeService dependency = byName.get(d.service());
                if (d.condition() == DependencyCondition.SERVICE_HEALTHY && dependency != null
                        && dependency.healthcheck() == null) {
                    findings.error("services." + s.name() + ".depends_on." + d.service() + ".condition",
                            "service_healthy, but service " + d.service() + " has no healthcheck with a test");
                }
            }
        }
    }
}
