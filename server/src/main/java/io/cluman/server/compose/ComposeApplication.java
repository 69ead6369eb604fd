package io.cluman.server.compose;

import java.util.List;
import java.util.Objects;

/**
 * A compose file read for Cluman.
 *
 * @param name     the application's name, a DNS label
 * @param services every service, each after the services it depends on (ties in the file's order)
 * @param warnings what Cluman ignores or does differently, in the order met; never silently dropped
 */
public record ComposeApplication(String name, List<ComposeService> services, List<ComposeWarning> warnings) {
    public ComposeApplication {
        Objects.requireNonNull(name, "name");
        services = List.copyOf(services);
        warnings = List.copyOf(warnings);
    }

    /** The service named {@code name}; IllegalArgumentException when there is none. */
    public ComposeService service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }
}
