package io.cluman.server.security;

import io.cluman.store.StoreException;
import io.cluman.store.repo.ApiToken;
import io.cluman.store.repo.JsonRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Makes sure the bootstrap admin token and the agent join token exist. The secret lives in a file of the
 * data dir (mode 0600), so the CLI on the server's machine finds it; the store keeps only its SHA-256.
 * A secret whose file was lost is replaced by a new one (the old one stops working).
 */
public final class BootstrapTokens {
    public static final String ADMIN_FILE = "admin.token";
    public static final String JOIN_FILE = "join.token";

    private final JsonRepository<ApiToken> tokens;
    private final InstantSource clock;
    private final RandomGenerator random;

    public BootstrapTokens(JsonRepository<ApiToken> tokens, InstantSource clock, RandomGenerator random) {
        this.tokens = tokens;
        this.clock = clock;
        this.random = random;
    }

    /** The admin secret and the join secret, creating what is missing. */
    public Secrets ensure(Path dataDir) {
        return new Secrets(ensure(dataDir.resolve(ADMIN_FILE), "bootstrap-admin", Role.ADMIN),
                ensure(dataDir.resolve(JOIN_FILE), "join", Role.AGENT));
    }

    /** The two bootstrap secrets. */
    public record Secrets(String admin, String join) {
    }

    private String ensure(Path file, String id, Role role) {
        Optional<String> fromFile = read(file);
        String secret = fromFile.orElseGet(this::newSecret);
        String digest = TokenDigest.sha256(secret);
        Optional<ApiToken> stored = tokens.get(id);
        if (stored.isEmpty() || !stored.get().sha256().equals(digest)) {
            ApiToken record = new ApiToken(id, id, role.name().toLowerCase(java.util.Locale.ROOT), digest, clock.instant());
            if (stored.isEmpty()) {
                try {
                    tokens.create(id, record);
                } catch (StoreException.Conflict raced) {
                    tokens.update(id, old -> record);
                }
            } else {
                tokens.update(id, old -> record);
            }
        }
        if (fromFile.isEmpty()) {
            PrivateFile.write(file, secret + "\n");
        }
        return secret;
    }

    private String newSecret() {
        return TokenSecret.generate(random, "cl_");
    }

    private static Optional<String> read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
