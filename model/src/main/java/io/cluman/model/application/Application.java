package io.cluman.model.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A compose application as the store keeps it ({@code /cluman/applications/<name>}). Its services are
 * ordinary services named {@code <name>-<service>}, in dependency order; the leader's application
 * controller releases each (scales it from 0 to its replicas) once its dependencies are met.
 *
 * @param cluster       where its services run; null: any eligible node
 * @param source        the compose file as given
 * @param variableNames the names of the variables given with it; their values are not kept (they may be
 *                      secrets, and they are already applied to the services' environment)
 * @param failure       why the application failed, null unless {@code state} is FAILED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Application(String name, String cluster, String source, List<String> variableNames,
                          List<ApplicationWarning> warnings, List<ApplicationService> services, ApplicationState state,
                          String failure, Instant createdAt, long revision) {
    /** The label every container of an application carries, its value the application's name. */
    public static final String LABEL = "cluman.application";

    public Application {
        Objects.requireNonNull(name, "name");
        variableNames = variableNames == null ? List.of() : List.copyOf(variableNames);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        services = services == null ? List.of() : List.copyOf(services);
    }

    public Application withRevision(long newRevision) {
        return new Application(name, cluster, source, variableNames, warnings, services, state, failure, createdAt,
                newRevision);
    }

    public Application with(List<ApplicationService> newServices, ApplicationState newState, String newFailure) {
        return new Application(name, cluster, source, variableNames, warnings, newServices, newState, newFailure,
                createdAt, revision);
    }
}
