package io.cluman.bench;

import io.cluman.server.ServerConfig;
import io.cluman.server.api.ApiOptions;
import io.cluman.server.api.RateLimit;
import io.cluman.server.ServerWiring;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.InstantSource;

/**
 * A Cluman server with default settings for the bench to measure in its own JVM:
 * {@code BenchServerMain --data DIR [--port P]}. Once it listens it writes its URL to
 * {@code DIR/bench-server.url} (the tokens are in {@code DIR/admin.token} and {@code DIR/join.token});
 * it stops when its standard input ends, so it never outlives the bench that started it.
 * {@code --jetty-header-cache N} and {@code --jetty-accept-queue N} run a {@link JettyExperiment}.
 */
public final class BenchServerMain {
    static final String URL_FILE = "bench-server.url";

    private BenchServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = null;
        int port = 0;
        int headerCache = JettyExperiment.NONE.headerCacheSize();
        int acceptQueue = JettyExperiment.NONE.acceptQueueSize();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--jetty-header-cache" -> headerCache = Integer.parseInt(args[i + 1]);
                case "--jetty-accept-queue" -> acceptQueue = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("usage: BenchServerMain --data DIR [--port P]");
        }
        // every simulated agent joins from 127.0.0.1: a per-address join limit would measure the limit
        ServerConfig config = ServerConfig.defaults(data).withPort(port)
                .withApi(ApiOptions.DEFAULTS.withJoinRate(RateLimit.OFF));
        try (ServerWiring server = ServerWiring.start(config, InstantSource.system())) {
            JettyExperiment experiment = new JettyExperiment(headerCache, acceptQueue);
            String url = "http://127.0.0.1:" + experiment.apply(server);
            Path tmp = data.resolve(URL_FILE + ".tmp");
            Files.writeString(tmp, url);
            Files.move(tmp, data.resolve(URL_FILE), StandardCopyOption.ATOMIC_MOVE);
            System.err.println("bench server listening on " + url + ", pid " + ProcessHandle.current().pid()
                    + (experiment.isNone() ? "" : ", with " + experiment));
            waitForEndOfInput(System.in);
        }
        System.exit(0);
    }

    private static void waitForEndOfInput(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // the parent never writes; reading only notices when it goes away
        }
    }
}
