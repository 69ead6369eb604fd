package io.cluman.server.registries;

import io.cluman.model.agent.TaskFailure;
import io.cluman.model.registry.Registry;
import io.cluman.model.registry.RegistryAddress;
import java.util.Optional;

/**
 * Words a person can act on for an image pull that failed on a node: which image, what the registry
 * said, and which registry's settings to look at. Reads the catalog, never a password.
 */
public final class PullFailures {
    private final RegistryCatalog catalog;

    public PullFailures(RegistryCatalog catalog) {
        this.catalog = catalog;
    }

    /** The registry {@code image} is pulled from, by name; empty when none is set up for its host. */
    public Optional<String> registryOf(String image) {
        return catalog.forImage(image).map(Registry::name);
    }

    /**
     * The status error for a pull of {@code image} that failed with {@code failure}. Refused credentials
     * name the registry to fix; otherwise {@code agentError}, the node's own words (image and engine
     * message), is clear already.
     */
    public String explain(String image, TaskFailure failure, String agentError) {
        return switch (failure) {
            case PULL_UNAUTHORIZED -> "pull of " + image + " failed: unauthorized: " + unauthorized(image);
            case IMAGE_NOT_FOUND, PULL_FAILED -> agentError;
        };
    }

    private String unauthorized(String image) {
        String host = RegistryAddress.ofImage(image);
        Optional<Registry> registry = catalog.forHost(host);
        if (registry.isEmpty()) {
            return "no registry is set up for " + host + "; add it with 'cluman registry add NAME " + host
                    + " --username U --password-stdin'";
        }
        Registry r = registry.get();
        if (!r.hasPassword()) {
            return "registry '" + r.name() + "' has no credentials; remove it and add it again with --username and"
                    + " --password-stdin";
        }
        return "check the credentials of registry '" + r.name() + "'";
    }
}
