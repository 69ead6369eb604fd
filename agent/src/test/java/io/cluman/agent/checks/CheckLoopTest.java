package io.cluman.agent.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.cluman.model.agent.CheckReport;
import io.cluman.model.check.Check;
import io.cluman.model.check.CheckResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent's check loop against a real HTTP server and a closed port, ticked by hand. */
class CheckLoopTest {
    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");
    private static final Duration REFRESH = Duration.ofMinutes(1);

    HttpServer http;
    final AtomicReference<List<Check>> dispatched = new AtomicReference<>(List.of());
    final AtomicInteger fetches = new AtomicInteger();
    final List<CheckReport> sent = new CopyOnWriteArrayList<>();
    volatile boolean sendFails;
    CheckLoop loop;

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/ok", e -> {
            e.sendResponseHeaders(204, -1);
            e.close();
        });
        http.start();
        loop = new CheckLoop("n-1", () -> {
            fetches.incrementAndGet();
            return dispatched.get();
        }, report -> {
            if (sendFails) {
                throw new IllegalStateException("server away");
            }
            sent.add(report);
        }, REFRESH, InstantSource.system());
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private Check http(String name) {
        return new Check(name, Check.HTTP, "http://127.0.0.1:" + http.getAddress().getPort() + "/ok",
                Duration.ofSeconds(10), Duration.ofSeconds(2), "all", "n-1", T0, T0, 1);
    }

    private static Check tcp(String name, int port) {
        return new Check(name, Check.TCP, "127.0.0.1:" + port, Duration.ofSeconds(10), Duration.ofSeconds(2), "all",
                "n-1", T0, T0, 1);
    }

    private List<CheckResult> results() {
        return sent.stream().flatMap(r -> r.results().stream()).toList();
    }

    @Test
    void runsEachCheckAtItsIntervalAndSendsTheResults() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        dispatched.set(List.of(http("web"), tcp("db", closed)));
        loop.tick(T0);
        AtomicInteger second = new AtomicInteger();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            // sends at most once a second; the checks are due again at second 10
            loop.tick(T0.plusSeconds(Math.min(9, second.incrementAndGet())));
            return results().size() == 2;
        });
        int reports = sent.size();
        assertThat(sent).allSatisfy(r -> assertThat(r.nodeId()).isEqualTo("n-1"));
        assertThat(results()).filteredOn(r -> r.check().equals("web")).singleElement()
                .satisfies(r -> assertThat(r.passed()).isTrue());
        assertThat(results()).filteredOn(r -> r.check().equals("db")).singleElement().satisfies(r -> {
            assertThat(r.passed()).isFalse();
            assertThat(r.output()).startsWith("tcp 127.0.0.1:" + closed + ": ");
        });

        loop.tick(T0.plusSeconds(9)); // not due again yet, nothing new to send
        assertThat(sent).hasSize(reports);
        loop.tick(T0.plusSeconds(10));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            loop.flush();
            return results().size() == 4;
        });
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aNewDigestFetchesAtOnceAndACheckThatLeftStops() {
        dispatched.set(List.of(http("web")));
        loop.tick(T0);
        loop.digest(7);
        dispatched.set(List.of());
        loop.tick(T0.plusSeconds(1));
        assertThat(fetches).hasValue(2);
        loop.digest(7); // the same digest: nothing to fetch
        loop.tick(T0.plusSeconds(20));
        assertThat(fetches).hasValue(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            loop.flush();
            return results().size() == 1; // the run of second 0 only: web left the node
        });
        loop.tick(T0.plus(REFRESH).plusSeconds(1));
        assertThat(fetches).hasValue(3);
    }

    @Test
    void anHttpCheckOfAClosedPortSaysItCannotConnect() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Check check = new Check("gone", Check.HTTP, "http://127.0.0.1:" + closed + "/health", Duration.ofSeconds(10),
                Duration.ofSeconds(2), "all", "n-1", T0, T0, 1);

        loop.runOnce(check);
        loop.flush();

        assertThat(results()).singleElement().satisfies(r -> {
            assertThat(r.passed()).isFalse();
            assertThat(r.output()).isEqualTo("GET http://127.0.0.1:" + closed + "/health failed: cannot connect"
                    + " (connection refused)");
        });
    }

    @Test
    void aFailedSendKeepsTheNewestResultOfEachCheck() {
        dispatched.set(List.of(http("web")));
        sendFails = true;
        loop.tick(T0);
        await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofMillis(200)).until(() -> true);
        loop.tick(T0.plusSeconds(10));
        await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofMillis(200)).until(() -> true);
        loop.flush();
        sendFails = false;
        loop.flush();
        assertThat(results()).singleElement().satisfies(r -> assertThat(r.check()).isEqualTo("web"));
    }
}
