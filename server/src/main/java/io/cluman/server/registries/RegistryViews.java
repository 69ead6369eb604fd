package io.cluman.server.registries;

import io.cluman.model.api.RegistryView;
import io.cluman.model.registry.Registry;
import io.cluman.model.registry.RegistryAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Registries as the API shows them: Docker Hub always first, never a password. */
final class RegistryViews {
    private RegistryViews() {
    }

    static RegistryView of(Registry r) {
        return new RegistryView(r.name(), r.url(), r.host(), r.username(), r.hasPassword(),
                RegistryAddress.isDockerHub(r.host()), r.createdAt(), r.revision());
    }

    /** Every stored registry, with the built-in Docker Hub when its credentials are not stored. */
    static List<RegistryView> all(List<Registry> stored) {
        List<Registry> sorted = new ArrayList<>(stored);
        if (sorted.stream().noneMatch(r -> RegistryAddress.isDockerHub(r.host()))) {
            sorted.add(RegistryCatalog.DOCKER_HUB);
        }
        sorted.sort(Comparator.comparing((Registry r) -> !RegistryAddress.isDockerHub(r.host()))
                .thenComparing(Registry::name));
        return sorted.stream().map(RegistryViews::of).toList();
    }
}
