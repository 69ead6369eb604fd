package io.cluman.server.options;

import io.cluman.model.api.ContainerRequest;
import io.cluman.model.container.ContainerSpec;

/** The top layer: what the API call itself asked for (fields it left out say nothing). */
public final class RequestLayer {
    /** The layer's name in provenance. */
    public static final String SOURCE = "request";

    private RequestLayer() {
    }

    /**
     * @param request   the call as sent (tells which fields were given)
     * @param validated the same call after validation (memory in bytes)
     */
    public static OptionLayer of(ContainerRequest request, ContainerSpec validated) {
        boolean memory = request.resources() != null && request.resources().memory() != null;
        boolean cpus = request.resources() != null && request.resources().cpus() != null;
        boolean workDir = request.workDir() != null && !request.workDir().isBlank();
        OptionSet options = new OptionSet(validated.command(), validated.args(), validated.env(), validated.ports(),
                validated.labels(), memory ? validated.memory() : null, cpus ? validated.cpus() : null,
                request.restart(), workDir ? validated.workDir() : null);
        return new OptionLayer(SOURCE, options, null);
    }

    /** {@code base} with the merged options in place of its own (its name, driver, image and check stay). */
    public static ContainerSpec apply(ContainerSpec base, OptionSet merged) {
        return new ContainerSpec(base.name(), base.driver(), base.image(), merged.command(), merged.args(),
                merged.env(), merged.ports(), merged.labels(), merged.memory() == null ? 0 : merged.memory(),
                merged.cpus() == null ? 0 : merged.cpus(), merged.restart(), merged.workDir(), base.healthcheck());
    }
}
