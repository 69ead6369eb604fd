package io.cluman.server.registries;

import io.cluman.model.agent.Assignment;
import io.cluman.model.agent.Assignments;
import io.cluman.model.agent.RegistryLogin;
import io.cluman.model.container.DriverName;
import io.cluman.model.event.Action;
import io.cluman.model.event.Severity;
import io.cluman.model.event.Topic;
import io.cluman.model.registry.Registry;
import io.cluman.server.events.EventBus;
import io.cluman.server.security.SecretBox;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds to each assignment the login of its image's registry, as the server answers an agent. The
 * password is unsealed here, in memory, for that answer only: it is never written with the container.
 * A password this server cannot unseal (another server's key) is left out, logged and announced as an
 * ERROR on {@code bus.cluman.log.registry} once per registry version, never with the secret.
 */
public final class RegistryLogins {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryLogins.class);

    private final RegistryCatalog catalog;
    private final SecretBox box;
    private final EventBus events;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    public RegistryLogins(RegistryCatalog catalog, SecretBox box, EventBus events) {
        this.catalog = catalog;
        this.box = box;
        this.events = events;
    }

    public Assignments attach(Assignments answer) {
        return new Assignments(answer.index(), answer.assignments().stream().map(this::attach).toList());
    }

    private Assignment attach(Assignment a) {
        if (a.spec().driver() != DriverName.DOCKER || a.spec().image().isEmpty()) {
            return a;
        }
        return forImage(a.spec().image()).map(a::withLogin).orElse(a);
    }

    /** The login to pull {@code image} with; empty when its registry has no credentials (or none is set up). */
    public Optional<RegistryLogin> forImage(String image) {
        return catalog.forImage(image).filter(Registry::hasPassword).flatMap(this::unseal);
    }

    private Optional<RegistryLogin> unseal(Registry r) {
        try {
            return Optional.of(new RegistryLogin(r.name(), r.host(), r.username(),
                    box.open(r.sealedPassword(), r.name())));
        } catch (SecretBox.CannotOpen e) {
            if (announced.add(r.name() + "@" + r.revision())) {
                LOG.error("cannot unseal the password of registry '{}': {}; pulling without credentials", r.name(),
                        e.getMessage());
                events.publish(Topic.LOG_REGISTRY, Action.UPDATE, Severity.ERROR, "registry", r.name(),
                        "cannot unseal the password of registry " + r.name() + ": " + e.getMessage(), Map.of());
            }
            return Optional.empty();
        }
    }
}
