package io.cluman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void helpListsEveryCommand() {
        Run run = Run.of("--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("node", "cluster", "container", "job", "events", "server", "agent", "dev");
    }

    @Test
    void groupHelpListsItsSubcommands() {
        assertThat(Run.of("node", "--help").out()).contains("ls", "show", "commission", "drain", "decommission",
                "upgrade", "label", "rm", "batch");
        assertThat(Run.of("cluster", "--help").out()).contains("ls", "show", "create", "rm", "add", "remove");
        assertThat(Run.of("container", "--help").out()).contains("run", "ls", "show", "start", "stop", "restart",
                "rm");
        assertThat(Run.of("job", "--help").out()).contains("ls", "show", "watch");
    }

    @Test
    void versionNamesTheProgram() {
        Run run = Run.of("--version");

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("cluman ");
        assertThat(Run.of("node", "ls", "--version").out()).startsWith("cluman ");
    }

    @Test
    void aMissingOrUnknownCommandIsAUsageError() {
        assertThat(Run.of().code()).isEqualTo(2);
        assertThat(Run.of("node").code()).isEqualTo(2);
        Run typo = Run.of("nodes");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("node").contains("--help");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertThat(Run.of("node", "ls", "-o", "yaml").code()).isEqualTo(2);
        assertThat(Run.of("node", "ls", "--state", "sleeping").code()).isEqualTo(2);
        assertThat(Run.of("events", "--topic", "nope").err()).contains("unknown topic 'nope'");
        assertThat(Run.of("node", "batch", "explode", "--all").err()).contains("unknown operation 'explode'");
        assertThat(Run.of("node", "batch", "drain").code()).isEqualTo(2);
        assertThat(Run.of("node", "batch", "drain", "--all", "--cluster", "x").code()).isEqualTo(2);
        assertThat(Run.of("server", "--off-after", "soon").err()).contains("'soon' is not a duration");
        assertThat(Run.of("server", "--join-rate", "fast").err()).contains("--join-rate", "RATE/s,BURST");
        assertThat(Run.of("server", "--auth-failure-rate", "0/s,3").err()).contains("rate above 0");
        assertThat(Run.of("agent", "--join", "https://x", "--token", "t", "--ca-file", "/nope.pem").err())
                .contains("--ca-file /nope.pem");
        assertThat(Run.of("agent", "--join", "http://x").err()).contains("--token");
    }

    @Test
    void processOptionsTheComponentsRejectAreUsageErrorsNamingTheOption() {
        Run join = Run.of("agent", "--join", "ftp://somewhere", "--token", "t");
        assertThat(join.code()).isEqualTo(2);
        assertThat(join.err()).contains("--join: 'ftp://somewhere' is not a server address");
        Run stats = Run.of("agent", "--join", "http://x", "--token", "t", "--stats-interval", "100ms");
        assertThat(stats.code()).isEqualTo(2);
        assertThat(stats.err()).contains("--stats-interval: must be at least 1s");

        Run port = Run.of("server", "--port", "70000");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).contains("port 70000");

        assertThat(Run.of("server", "--store", "zk://x").err()).contains("--store must be embedded or etcd://");
        assertThat(Run.of("server", "--off-after", "100ms").err()).contains("too short");
        Run drainWait = Run.of("server", "--drain-no-room", "0s");
        assertThat(drainWait.code()).isEqualTo(2);
        assertThat(drainWait.err()).contains("drain-no-room", "must be positive");
        assertThat(Run.of("dev", "--port", "-1").code()).isEqualTo(2);

        Run apiPort = Run.of("agent", "--join", "http://x", "--token", "t", "--api-port", "70000");
        assertThat(apiPort.code()).isEqualTo(2);
        assertThat(apiPort.err()).contains("--api-port: 70000 is not a TCP port");
        Run advertise = Run.of("agent", "--join", "http://x", "--token", "t", "--advertise", "a b:99999");
        assertThat(advertise.code()).isEqualTo(2);
        assertThat(advertise.err()).contains("--advertise: 'a b:99999' is not host or host:port");
        Run devApi = Run.of("dev", "--api-port", "-5");
        assertThat(devApi.code()).isEqualTo(2);
        assertThat(devApi.err()).contains("--api-port: -5 is not a TCP port");
    }

    @Test
    void anUnreachableServerExitsWithThreeAndSaysHowToStartOne() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Run run = Run.of("node", "ls", "--addr", "http://127.0.0.1:" + port, "--token", "t");

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("cannot reach http://127.0.0.1:" + port
                + ": start it with ./cluman dev or set --addr / CLUMAN_ADDR\n");
    }
}
