package io.cluman.it.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import io.cluman.model.api.CheckRequest;
import io.cluman.model.api.ClusterRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.ServiceRequest;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every page of the web UI, on a fleet with two nodes, a cluster and a running service: each loads, shows its
 * content, and leaves no console error; each one's screenshot goes to {@code target/ui-screenshots}.
 */
@Timeout(300)
class WebUiPagesTest extends BrowserOnFleet {
    @Test
    void everyPageLoadsWithItsContentAndNoConsoleError() {
        fleet.admin().createCluster(new ClusterRequest("zone-a", "nodes in zone a", null, Map.of("zone", "a")));
        fleet.admin().createService(new ServiceRequest("hello", DriverName.PROCESS, null,
                List.of("/bin/sh", "-c", "echo hello; exec sleep 300"), null, null, null, null, null, null, null,
                null, 2, null, null, null, null, null));
        List<ContainerView> replicas = await().atMost(UiFleet.WAIT).until(() -> fleet.admin().containers(Map.of()),
                cs -> cs.size() == 2 && cs.stream().allMatch(c -> c.status() == TaskState.RUNNING));
        String node = fleet.node("worker-1").id();
        fleet.admin().createCheck(new CheckRequest("api", "tcp", fleet.url().replaceFirst("^https?://", "")
                .replaceFirst("/.*$", ""), "1s", "1s", null));
        Page page = tab.page();
        UiSteps.logIn(page, fleet.url(), fleet.adminToken());
        assertThat(page.getByTestId("whoami")).containsText("admin");
        assertThat(page.getByTestId("stream-state")).hasText("live");

        visit("dashboard", "#/", "Dashboard", "dashboard-clusters", "zone-a");
        visit("nodes", "#/nodes", "Nodes", "nodes", "worker-2");
        visit("node", "#/nodes/" + node, "worker-1", "history", "Last");
        visit("clusters", "#/clusters", "Clusters", "clusters", "zone-a");
        visit("containers", "#/containers", "Containers", "containers", replicas.get(0).name());
        visit("container", "#/containers/" + replicas.get(0).id(), replicas.get(0).name(), "logs", "hello");
        visit("services", "#/services", "Services", "services", "hello");
        visit("service", "#/services/hello", "hello", "replicas", replicas.get(1).name());
        visit("applications", "#/applications", "Applications", "app-form", "Compose file");
        visit("registries", "#/registries", "Registries", "registries", "docker.io");
        await().atMost(UiFleet.WAIT).until(() -> fleet.admin().check("api").status().equals("passing"));
        visit("checks", "#/checks", "Checks", "checks", "PASSING");
        visit("jobs", "#/jobs", "Jobs", "jobs", "node.commission");
        visit("events", "#/events", "Events", "events", "hello");
        tab.page().getByLabel("severity").selectOption("WARNING");
        assertThat(tab.page().getByTestId("events")).not().containsText("INFO");
        tab.page().getByLabel("severity").selectOption("INFO");
        tab.page().getByLabel("topic").selectOption("bus.cluman.service");
        assertThat(tab.page().getByTestId("events")).containsText("hello");
        assertThat(tab.page().getByTestId("events")).not().containsText("bus.cluman.node");
        assertThat(tab.errors()).isEmpty();
    }

    /** Opens a page, waits for the element with testid to contain text, keeps a screenshot, checks the console. */
    private void visit(String name, String hash, String heading, String testid, String text) {
        UiSteps.open(tab.page(), fleet.url(), hash, heading);
        assertThat(tab.page().getByTestId(testid)).containsText(text);
        tab.screenshot(name);
        assertThat(tab.errors()).as("console errors on the %s page", name).isEmpty();
    }
}
