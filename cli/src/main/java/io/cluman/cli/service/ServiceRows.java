package io.cluman.cli.service;

import io.cluman.cli.container.ContainerRows;
import io.cluman.cli.output.Details;
import io.cluman.cli.output.Human;
import io.cluman.cli.output.Table;
import io.cluman.model.api.ReplicaView;
import io.cluman.model.api.ServiceRequest;
import io.cluman.model.api.ServiceView;
import io.cluman.model.container.DriverName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How services print: the {@code service ls} table and the {@code service show} details with replicas. */
final class ServiceRows {
    private static final int WHAT_WIDTH = 40;

    private ServiceRows() {
    }

    static Table table(List<ServiceView> services) {
        Table table = Table.of("NAME", "DESIRED", "RUNNING", "IMAGE");
        for (ServiceView s : services) {
            table.row(s.name(), s.desired(), s.running(), ContainerRows.cut(what(s.spec()), WHAT_WIDTH));
        }
        return table;
    }

    static Details details(ServiceView s, Instant now) {
        ServiceRequest spec = s.spec();
        Details d = new Details().add("name", s.name())
                .add("driver", spec.driver() == null ? DriverName.DOCKER.wireName() : spec.driver().wireName())
                .add("image", what(spec))
                .add("cluster", spec.cluster())
                .add("constraints", spec.constraints() == null ? null : String.join(", ", spec.constraints()))
                .add("spread", spec.spread())
                .add("ranking", spec.ranking())
                .add("affinities", spec.affinities() == null || spec.affinities().isEmpty() ? null
                        : String.join(", ", spec.affinities().stream().map(a -> a.constraint() + ":" + a.weight())
                        .toList()))
                .add("desired", s.desired())
                .add("running", s.running())
                .add("generation", s.generation());
        if (s.held() != null) {
            d.add("held", s.held());
        }
        if (s.waiting() != null) {
            d.add("waiting", s.waiting());
        }
        d.add("created", s.createdAt() == null ? null : s.createdAt() + " (" + Human.ago(s.createdAt(), now) + ")");
        return d.block("replicas", s.replicas() == null || s.replicas().isEmpty() ? List.of()
                : replicas(s.replicas(), now).render().lines().toList());
    }

    static Table replicas(List<ReplicaView> replicas, Instant now) {
        Table table = Table.of("CONTAINER", "NODE", "STATUS", "HEALTH", "RESTARTS", "CREATED");
        for (ReplicaView r : replicas) {
            table.row(r.container(), r.node(), r.status(), r.health() == null ? null : r.health().wireName(),
                    r.restarts(), Human.ago(r.createdAt(), now));
        }
        return table;
    }

    /** The image (docker) or the command line (process). */
    static String what(ServiceRequest spec) {
        if (spec.driver() == DriverName.PROCESS || spec.image() == null || spec.image().isBlank()) {
            List<String> all = new ArrayList<>(spec.command() == null ? List.of() : spec.command());
            all.addAll(spec.args() == null ? List.of() : spec.args());
            return ContainerRows.commandLine(all);
        }
        return spec.image();
    }
}
