package io.cluman.it.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.cluman.client.ClumanClient;
import io.cluman.server.FakeAgents;
import io.cluman.server.ServerConfig;
import io.cluman.server.ServerWiring;
import io.cluman.server.api.ApiOptions;
import io.cluman.server.api.RateLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nodes page with 1,000 nodes (joined through the real agent protocol, each with a node certificate): the
 * table shows one page of 50 with a pager, paging and filtering work, and nothing logs an error. The times it
 * took are written to {@code target/ui-1000-nodes.txt} and recorded in docs/benchmarks.md (no timed assertion).
 */
@Timeout(300)
class WebUiThousandNodesTest {
    private static final int NODES = 1000;
    private static final String UNTIL = "while (!(%s)) { await new Promise(r => requestAnimationFrame(r)); }"
            + " return performance.now() - t0; }";
    private static final String CLICK_NEXT_UNTIL_PAGE_2 = "async () => { const t0 = performance.now();"
            + " [...document.querySelectorAll('button')].find(b => b.textContent.startsWith('next')).click();"
            + String.format(UNTIL, "document.body.textContent.includes('page 2 of 20')");
    private static final String FILTER_UNTIL_ONE_ROW = "async () => { const t0 = performance.now();"
            + " const input = document.querySelector('input[type=search]'); input.value = 'node-0999';"
            + " input.dispatchEvent(new Event('input', { bubbles: true }));"
            + String.format(UNTIL, "document.querySelectorAll('[data-testid=nodes] tbody tr').length === 1");

    @TempDir
    Path dir;

    @Test
    void theNodesPagePaginatesAThousandNodes() throws Exception {
        ServerWiring server = ServerWiring.start(ServerConfig.defaults(dir.resolve("server")).withPort(0)
                .withAutoCommission(true).withOffAfter(Duration.ofMinutes(10))
                .withApi(ApiOptions.DEFAULTS.withJoinRate(RateLimit.OFF)), InstantSource.system());
        try (Chromium chromium = Chromium.launch(); WatchedPage tab = new WatchedPage(chromium.browser())) {
            join(server);
            Page page = tab.page();
            UiSteps.logIn(page, server.url(), server.adminToken());
            assertThat(page.getByTestId("whoami")).containsText("admin");

            long start = System.nanoTime();
            UiSteps.open(page, server.url(), "#/nodes", "Nodes");
            assertThat(page.getByText("page 1 of 20 (1000 rows)")).isVisible();
            long shown = System.nanoTime();
            assertThat(page.getByTestId("nodes").locator("tbody tr")).hasCount(50);
            tab.screenshot("nodes-1000");

            // timed inside the page (performance.now() until the next frame shows the result), so that the
            // figures are the browser's work, not the test's polling
            double paging = ((Number) page.evaluate(CLICK_NEXT_UNTIL_PAGE_2)).doubleValue();
            assertThat(page.getByTestId("nodes")).containsText("node-0050");
            double filtering = ((Number) page.evaluate(FILTER_UNTIL_ONE_ROW)).doubleValue();
            assertThat(page.getByTestId("nodes").locator("tbody tr")).hasCount(1);
            assertThat(page.getByTestId("nodes")).containsText("node-0999");

            long roundTrip = System.nanoTime();
            page.evaluate("() => 1");
            long answered = System.nanoTime();
            assertThat(tab.errors()).isEmpty();
            String figures = String.format("nodes page with %d nodes: first page shown %d ms after navigation"
                            + " (as the test saw it), next page rendered in %.0f ms, filter to one row %.0f ms,"
                            + " a script round trip %d ms%n", NODES, ms(shown - start), paging, filtering,
                    ms(answered - roundTrip));
            Files.writeString(Path.of("target", "ui-1000-nodes.txt"), figures);
            System.out.print(figures);
        } finally {
            FakeAgents.forget(server.api().agentPort());
            server.close();
        }
    }

    /** Joins the nodes eight at a time, each with its own key and certificate, and heartbeats each once. */
    private static void join(ServerWiring server) throws Exception {
        ClumanClient joiner = ClumanClient.connect(server.url(), server.joinToken());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> joins = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                String name = String.format("node-%04d", i);
                joins.add(pool.submit(() -> {
                    String id = FakeAgents.join(joiner, name, Map.of("rack", "r" + (name.hashCode() & 7)));
                    FakeAgents.beat(joiner, id, 50L << 30);
                }));
            }
            for (Future<?> join : joins) {
                join.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
