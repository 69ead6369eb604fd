package io.cluman.cli.app;

import io.cluman.cli.job.ProgressBar;
import io.cluman.cli.job.Summary;
import io.cluman.cli.output.Details;
import io.cluman.cli.output.Human;
import io.cluman.cli.output.Table;
import io.cluman.model.api.ApplicationServiceView;
import io.cluman.model.api.ApplicationView;
import io.cluman.model.application.ApplicationDependency;
import io.cluman.model.application.ApplicationState;
import io.cluman.model.job.JobState;
import io.cluman.model.job.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** How applications print: the {@code app ls} table, {@code app show} details, the {@code --wait} line. */
final class AppRows {
    private AppRows() {
    }

    static Table table(List<ApplicationView> apps) {
        Table table = Table.of("NAME", "STATE", "SERVICES", "RUNNING", "WARNINGS");
        for (ApplicationView a : apps) {
            table.row(a.name(), a.state().json(), a.services().size(), running(a), a.warnings().size());
        }
        return table;
    }

    static Details details(ApplicationView a, Instant now) {
        Details d = new Details().add("name", a.name()).add("state", a.state().json()).add("cluster", a.cluster());
        if (a.failure() != null) {
            d.add("failure", a.failure());
        }
        d.add("variables", a.variableNames().isEmpty() ? null : String.join(", ", a.variableNames()));
        d.add("created", a.createdAt() == null ? null : a.createdAt() + " (" + Human.ago(a.createdAt(), now) + ")");
        Table services = Table.of("SERVICE", "NAME", "REPLICAS", "RUNNING", "RELEASED", "DEPENDS ON");
        for (ApplicationServiceView s : a.services()) {
            services.row(s.name(), s.service() == null ? "(gone)" : s.service().name(), s.replicas(),
                    s.service() == null ? 0 : s.service().running(), s.released() ? "yes" : "waiting",
                    s.dependsOn().stream().map(AppRows::dependency).collect(Collectors.joining(", ")));
        }
        d.block("services", services.render().lines().toList());
        return d.block("warnings", a.warnings().stream().map(w -> w.path() + ": " + w.message()).toList());
    }

    /** The {@code --wait} bar, services running of all: {@code [#####-----] 1/2 services running, deploying}. */
    static String progress(ApplicationView a) {
        List<String> waiting = a.services().stream().filter(s -> !s.released()).map(ApplicationServiceView::name)
                .toList();
        String label = "services running, " + a.state().json()
                + (waiting.isEmpty() ? "" : " (" + String.join(", ", waiting) + " waiting)");
        return ProgressBar.render(new Progress((int) running(a), a.services().size()), label,
                a.state() == ApplicationState.RUNNING, ProgressBar.WIDTH);
    }

    /**
     * How {@code --wait} ends: {@code application shop deploy (2 services): SUCCEEDED after 14s}, or FAILED with
     * the failure; an application still deploying (the wait was interrupted) shows DEPLOYING.
     */
    static String summary(ApplicationView a, Duration took) {
        String state = switch (a.state()) {
            case RUNNING -> JobState.SUCCEEDED.name();
            case FAILED -> JobState.FAILED.name();
            case DEPLOYING, STOPPED -> a.state().name();
        };
        return Summary.line("application " + a.name() + " deploy (" + a.services().size() + " services)", state,
                took, a.failure());
    }

    private static long running(ApplicationView a) {
        return a.services().stream().filter(s -> s.service() != null && s.service().running() >= s.replicas())
                .count();
    }

    private static String dependency(ApplicationDependency d) {
        return ApplicationDependency.STARTED.equals(d.condition()) ? d.service()
                : d.service() + " (" + d.condition().replace("service_", "") + ")";
    }
}
