package io.cluman.model.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DesiredState;

/**
 * One allocation a node must converge to: run (or keep stopped) this spec, at this generation.
 *
 * @param login the credentials to pull the spec's image with; null when its registry has none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Assignment(String allocId, String name, ContainerSpec spec, long generation, DesiredState desired,
                         RegistryLogin login) {
    /** An assignment whose image needs no credentials. */
    public Assignment(String allocId, String name, ContainerSpec spec, long generation, DesiredState desired) {
        this(allocId, name, spec, generation, desired, null);
    }

    public Assignment withLogin(RegistryLogin newLogin) {
        return new Assignment(allocId, name, spec, generation, desired, newLogin);
    }
}
