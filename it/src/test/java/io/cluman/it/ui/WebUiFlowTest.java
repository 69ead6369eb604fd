package io.cluman.it.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.cluman.model.api.ClusterRequest;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.TokenRequest;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import io.cluman.model.node.NodeState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An operator's session in the browser, against a real server and two real agents: log in, run a service, see
 * it running, scale it, read a replica's output, drain a node and see the events; a wrong token is refused in
 * words, and a viewer sees no buttons that change the fleet.
 */
@Timeout(300)
class WebUiFlowTest extends BrowserOnFleet {
    @Test
    void deployScaleReadLogsDrainAndSeeTheEvents() throws IOException {
        Path script = Files.writeString(dir.resolve("hello.sh"), "echo hello-from-the-ui\nexec sleep 300\n");
        Page page = tab.page();
        UiSteps.logIn(page, fleet.url(), fleet.adminToken());
        assertThat(page.getByTestId("whoami")).containsText("admin");

        UiSteps.open(page, fleet.url(), "#/services", "Services");
        Locator form = page.getByTestId("service-form");
        form.getByLabel("Name").fill("web");
        form.getByLabel("Driver").fill("process");
        form.getByLabel("Command").fill("/bin/sh " + script);
        form.getByLabel("Replicas").fill("1");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Run")).click();
        assertThat(page.locator("main h1")).hasText("web");
        assertThat(page.getByTestId("service-running")).containsText("1 of 1 replicas running");
        tab.screenshot("flow-1-service-running");

        page.getByLabel("replicas of web").fill("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Scale")).click();
        assertThat(page.getByTestId("service-running")).containsText("2 of 2 replicas running");
        tab.screenshot("flow-2-service-scaled");

        Locator autoscale = page.getByTestId("autoscale-form");
        assertThat(page.getByTestId("autoscale")).containsText("This service does not autoscale.");
        autoscale.getByLabel("Min").fill("0");
        autoscale.getByLabel("Max").fill("2");
        autoscale.getByLabel("Target").fill("50");
        autoscale.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set")).click();
        assertThat(autoscale).containsText("min");
        assertThat(page.getByTestId("autoscale")).containsText("This service does not autoscale.");
        assertThat(tab.errors()).as("only the refused policy's 400 is logged").singleElement().asString()
                .contains("status of 400").contains("/autoscale");
        tab.clearErrors();
        autoscale.getByLabel("Min").fill("1");
        autoscale.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set")).click();
        assertThat(page.getByTestId("autoscale")).containsText("1 to 2 replicas");
        assertThat(page.getByTestId("autoscale")).containsText("cpu 50% of the limit");
        tab.screenshot("flow-2b-service-autoscaled");
        page.getByTestId("autoscale-stop").click();
        assertThat(page.getByTestId("autoscale")).containsText("This service does not autoscale.");
        assertThat(page.getByTestId("service-running")).containsText("2 of 2 replicas running");

        page.getByTestId("replicas").locator("tbody tr").first().getByRole(AriaRole.LINK).first().click();
        assertThat(page.getByTestId("logs")).containsText("hello-from-the-ui");
        tab.screenshot("flow-3-container-logs");

        UiSteps.open(page, fleet.url(), "#/nodes", "Nodes");
        Locator row = page.getByTestId("nodes").locator("tbody tr").filter(new Locator.FilterOptions()
                .setHasText("worker-2"));
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Drain")).click();
        assertThat(row).containsText("DRAINING");
        assertThat(fleet.node("worker-2").state()).isEqualTo(NodeState.DRAINING);
        tab.screenshot("flow-4-node-draining");

        UiSteps.open(page, fleet.url(), "#/events", "Events");
        assertThat(page.getByTestId("events")).containsText("drain");
        tab.screenshot("flow-5-events");
        assertThat(tab.errors()).as("console errors during the flow").isEmpty();
    }

    @Test
    void pagesFollowTheFleetWithoutAReload() {
        Page page = tab.page();
        UiSteps.logIn(page, fleet.url(), fleet.adminToken());
        UiSteps.open(page, fleet.url(), "#/clusters", "Clusters");
        assertThat(page.getByTestId("clusters")).containsText("orphans");
        // the clusters page does not poll: only the event stream can bring the new cluster
        fleet.admin().createCluster(new ClusterRequest("arrived-live", "made by the API", null, null));
        assertThat(page.getByTestId("clusters")).containsText("arrived-live");

        UiSteps.open(page, fleet.url(), "#/events", "Events");
        assertThat(page.getByTestId("events")).containsText("arrived-live");
        fleet.admin().createCluster(new ClusterRequest("second-live", null, null, null));
        assertThat(page.getByTestId("events")).containsText("second-live");
        assertThat(tab.errors()).isEmpty();
    }

    @Test
    void deployAnApplicationByPastingAComposeFileAndSeeItsWarnings() {
        Page page = tab.page();
        UiSteps.logIn(page, fleet.url(), fleet.adminToken());
        UiSteps.open(page, fleet.url(), "#/applications", "Applications");
        Locator form = page.getByTestId("app-form");
        form.getByLabel("Name").fill("shop");
        form.getByLabel("Compose file").fill("""
                services:
                  web:
                    image: busybox:local
                    command: ["sleep", "300"]
                    deploy:
                      mode: global
                      replicas: 1
                """);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deploy")).click();
        assertThat(page.getByTestId("deployed")).containsText("deploy.mode");
        Locator row = page.getByTestId("applications").locator("tbody tr").filter(new Locator.FilterOptions()
                .setHasText("shop"));
        assertThat(row).containsText("running");
        assertThat(row).containsText("1/1");
        tab.screenshot("flow-6-application-deployed");

        form.getByLabel("Name").fill("broken");
        form.getByLabel("Compose file").fill("services:\n  web:\n    image: [unclosed\n");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deploy")).click();
        assertThat(form.getByRole(AriaRole.ALERT)).containsText("line");
        assertThat(page.getByTestId("applications")).not().containsText("broken");
        assertThat(tab.errors()).as("only the refused deploy's 400 is logged")
                .allSatisfy(e -> assertThat(e).contains("400"));
    }

    @Test
    void aContainersOutputFollowsAsItIsWritten() {
        fleet.admin().createContainer(new ContainerRequest("ticker", DriverName.PROCESS, null, List.of("/bin/sh", "-c",
                "i=0; while true; do i=$((i+1)); echo tick-$i; sleep 0.3; done"), null, null, null, null, null, null,
                null, "no", null));
        ContainerView ticker = await().atMost(UiFleet.WAIT).until(() -> fleet.admin().container("ticker"),
                c -> c.status() == TaskState.RUNNING);
        Page page = tab.page();
        UiSteps.logIn(page, fleet.url(), fleet.adminToken());
        UiSteps.open(page, fleet.url(), "#/containers/" + ticker.id(), "ticker");
        assertThat(page.getByTestId("logs")).containsText("tick-1");
        page.getByLabel("follow").check();
        assertThat(page.getByTestId("logs-state")).containsText("following");
        assertThat(page.getByTestId("logs")).containsText("tick-");
        int before = lastTick(page);
        // nothing reloads the page: only the followed stream can bring the later lines
        page.waitForFunction("n => [...document.querySelector('[data-testid=logs]').textContent"
                + ".matchAll(/tick-(\\d+)/g)].some(m => Number(m[1]) > n + 5)", before);
        tab.screenshot("flow-7-logs-followed");
        page.getByLabel("follow").uncheck();
        assertThat(page.getByTestId("logs-state")).not().containsText("following");
        assertThat(tab.errors()).isEmpty();
    }

    private static int lastTick(Page page) {
        String text = page.getByTestId("logs").textContent();
        int at = text.lastIndexOf("tick-");
        return Integer.parseInt(text.substring(at + 5).lines().findFirst().orElseThrow().strip());
    }

    @Test
    void aWrongTokenIsRefusedInWords() {
        Page page = tab.page();
        UiSteps.logIn(page, fleet.url(), "cl_not-a-token");
        assertThat(page.getByTestId("login-error")).containsText("not valid");
        assertThat(page.getByLabel("API token")).isVisible();
        tab.screenshot("login-refused");
    }

    @Test
    void aViewerSeesTheFleetButNoButtonsThatChangeIt() {
        String viewer = fleet.admin().createToken(new TokenRequest("watcher", "viewer", null)).token();
        Page page = tab.page();
        UiSteps.logIn(page, fleet.url(), viewer);
        assertThat(page.getByTestId("whoami")).containsText("viewer");
        UiSteps.open(page, fleet.url(), "#/nodes", "Nodes");
        assertThat(page.getByTestId("nodes")).containsText("worker-1");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Drain"))).hasCount(0);
        UiSteps.open(page, fleet.url(), "#/services", "Services");
        assertThat(page.getByTestId("service-form")).hasCount(0);
        assertThat(tab.errors()).isEmpty();
    }
}
