package io.cluman.server.containers;

import io.cluman.model.api.ContainerView;
import io.cluman.model.application.Application;
import io.cluman.model.container.Container;
import io.cluman.model.container.ContainerStatus;
import io.cluman.model.container.TaskState;
import java.util.Optional;

/** Joins a container's desired state with its last reported status. Pure. */
final class ContainerViews {
    private ContainerViews() {
    }

    static ContainerView of(Container c, Optional<ContainerStatus> status) {
        ContainerStatus s = status.orElse(null);
        return new ContainerView(c.name(), c.name(), c.node(), c.cluster(), c.service(),
                c.spec().labels().get(Application.LABEL), c.constraints().isEmpty() ? null : c.constraints(), c.spec(), c.desired(),
                s == null ? TaskState.PENDING : s.state(), s == null ? null : s.exitCode(),
                s == null ? 0 : s.restarts(), s == null ? null : s.lastError(), s == null ? null : s.health(),
                s == null ? null : s.healthReason(), c.allocId(), c.generation(),
                s == null ? null : s.runtimeId(), c.createdAt(), s == null ? null : s.startedAt(),
                s == null ? null : s.finishedAt(), c.revision(), null, null);
    }
}
