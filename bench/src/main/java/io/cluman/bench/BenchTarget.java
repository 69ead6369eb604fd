package io.cluman.bench;

import io.cluman.server.security.BootstrapTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The server under load: where it listens, the tokens for agents and for the admin, its process id
 * when known, and how it was started (for the report).
 */
record BenchTarget(String url, String joinToken, String adminToken, Optional<Long> pid, String description,
                   Optional<java.nio.file.Path> gcLog) {

    static BenchTarget spawned(SpawnedServer server) {
        return new BenchTarget(server.url(), token(server.dataDir(), BootstrapTokens.JOIN_FILE),
                token(server.dataDir(), BootstrapTokens.ADMIN_FILE), Optional.of(server.pid()),
                "spawned by the bench in its own JVM, pid " + server.pid() + ": " + server.commandLine(),
                Optional.of(server.gcLog()));
    }

    static BenchTarget external(BenchOptions o) {
        String url = o.server().orElseThrow();
        String join = o.joinToken().orElseGet(() -> token(o.dataDir().orElseThrow(), BootstrapTokens.JOIN_FILE));
        String admin = o.adminToken().orElseGet(() -> token(o.dataDir().orElseThrow(), BootstrapTokens.ADMIN_FILE));
        return new BenchTarget(url, join, admin, o.serverPid(), "already running at " + url
                + o.serverPid().map(p -> ", pid " + p).orElse(" (no --server-pid: no CPU and memory figures)"),
                Optional.empty());
    }

    private static String token(Path dataDir, String file) {
        try {
            return Files.readString(dataDir.resolve(file)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token " + dataDir.resolve(file), e);
        }
    }
}
