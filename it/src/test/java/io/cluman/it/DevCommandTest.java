package io.cluman.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ClumanClient;
import io.cluman.model.api.NodeView;
import io.cluman.model.node.NodeState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cluman dev} as a user runs it: up with one active node, stops cleanly on SIGTERM, finds its state again. */
class DevCommandTest {
    @TempDir
    Path dir;

    private Process startDev(Path data, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "io.cluman.cli.Main",
                "dev", "--data", data.toString(), "--port", Integer.toString(port), "--api-port", "0", "--agent-port", "0"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("dev.log").toFile())).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private NodeView awaitActiveNode(ClumanClient client) {
        return await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> client.nodes(Map.of()), nodes -> nodes.size() == 1
                        && nodes.get(0).state() == NodeState.ACTIVE && nodes.get(0).on()).get(0);
    }

    @Test
    void devStartsStopsCleanlyAndFindsItsStateAgain() throws Exception {
        Path data = dir.resolve("data");
        int port = freePort();
        Process first = startDev(data, port);
        String token = await().atMost(Duration.ofSeconds(60)).until(() -> Files.isRegularFile(data.resolve(
                "admin.token")) ? Files.readString(data.resolve("admin.token")).strip() : null, t -> t != null);
        ClumanClient client = ClumanClient.connect("http://127.0.0.1:" + port, token);
        NodeView node = awaitActiveNode(client);

        first.destroy(); // SIGTERM, as Ctrl-C's shutdown path
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("dev stops within 30 s").isTrue();
        assertThat(Files.readString(dir.resolve("dev.log"))).doesNotContain("Exception");

        Process second = startDev(data, port);
        try {
            NodeView again = awaitActiveNode(client);
            assertThat(again.id()).isEqualTo(node.id());
            assertThat(client.jobs()).hasSize(1);
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
