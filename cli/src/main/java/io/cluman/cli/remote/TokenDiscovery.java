package io.cluman.cli.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a client command's token comes from, first match wins:
 * <ol>
 *   <li>{@code --token}</li>
 *   <li>{@code CLUMAN_TOKEN}</li>
 *   <li>{@code admin.token} in {@code --data}, else in {@code CLUMAN_DATA}</li>
 *   <li>{@code ./.cluman/admin.token} (what {@code cluman dev} and {@code cluman server} write by default)</li>
 *   <li>{@code ~/.cluman/admin.token}</li>
 * </ol>
 * Environment, working directory and home are inputs so tests need not touch the real ones.
 */
public final class TokenDiscovery {
    static final String TOKEN_FILE = "admin.token";
    static final String CA_FILE = "ca.crt";

    private final Map<String, String> env;
    private final Path workingDir;
    private final Path home;

    public TokenDiscovery(Map<String, String> env, Path workingDir, Path home) {
        this.env = Map.copyOf(env);
        this.workingDir = workingDir;
        this.home = home;
    }

    /** The discovery of this process: its environment, {@code user.dir} and {@code user.home}. */
    public static TokenDiscovery ofProcess() {
        return new TokenDiscovery(System.getenv(), Path.of(System.getProperty("user.dir")),
                Path.of(System.getProperty("user.home")));
    }

    /** The token to send, if any; {@code explicitToken} and {@code dataDir} are the options (may be null). */
    public Optional<String> find(String explicitToken, Path dataDir) {
        if (explicitToken != null && !explicitToken.isBlank()) {
            return Optional.of(explicitToken.strip());
        }
        String fromEnv = env.get("CLUMAN_TOKEN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv.strip());
        }
        for (Path file : candidates(dataDir)) {
            if (Files.isReadable(file)) {
                String token = read(file);
                if (!token.isEmpty()) {
                    return Optional.of(token);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The cluster CA certificate ({@code ca.crt}) beside the first admin token file that exists: what a
     * server started with {@code --tls auto} writes, for clients on its machine.
     */
    public Optional<Path> caFile(Path dataDir) {
        return candidates(dataDir).stream().filter(Files::isReadable).findFirst()
                .map(token -> token.resolveSibling(CA_FILE)).filter(Files::isReadable);
    }

    /** The token files looked at, in order. */
    public List<Path> candidates(Path dataDir) {
        List<Path> files = new ArrayList<>();
        if (dataDir != null) {
            files.add(workingDir.resolve(dataDir).resolve(TOKEN_FILE));
        } else if (env.get("CLUMAN_DATA") != null && !env.get("CLUMAN_DATA").isBlank()) {
            files.add(workingDir.resolve(env.get("CLUMAN_DATA")).resolve(TOKEN_FILE));
        }
        files.add(workingDir.resolve(".cluman").resolve(TOKEN_FILE));
        files.add(home.resolve(".cluman").resolve(TOKEN_FILE));
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read token file " + file + ": " + e.getMessage(), e);
        }
    }
}
