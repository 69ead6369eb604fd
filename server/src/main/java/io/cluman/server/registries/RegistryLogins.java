package io.cluman.server.registries;

import io.cluman.model.agent.Assignment;
import io.cluman.model.agent.Assignments;
import io.cluman.model.agent.RegistryLogin;
import io.cluman.model.container.DriverName;
import io.cluman.model.registry.Registry;
import io.cluman.server.security.SecretBox;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds to each assignment the login of its image's registry, as the server answers an agent. The
 * password is unsealed here, in memory, for that answer only: it is never written with the container.
 * A password this server cannot unseal (another server's key) is left out and logged, without secret.
 */
public final class RegistryLogins {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryLogins.class);

    private final RegistryCatalog catalog;
    private final SecretBox box;

    public RegistryLogins(RegistryCatalog catalog, SecretBox box) {
        this.catalog = catalog;
        this.box = box;
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
            LOG.error("cannot unseal the password of registry '{}': {}; pulling without credentials", r.name(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
