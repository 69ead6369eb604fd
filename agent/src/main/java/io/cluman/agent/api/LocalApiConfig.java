package io.cluman.agent.api;

import io.cluman.model.validation.Validator;

/**
 * Where the agent's local API listens and what address it tells the server.
 *
 * @param bind      address to listen on ({@code 0.0.0.0}: every interface)
 * @param port      TCP port; 0 picks a free one (tests run several agents in one JVM)
 * @param advertise {@code host} or {@code host:port} the server should call; null or blank: the bind
 *                  address, or this host's first address when bound to every interface, with the port
 *                  actually bound
 */
public record LocalApiConfig(String bind, int port, String advertise) {
    /** The default port of the local API. */
    public static final int DEFAULT_PORT = 8762;
    /** A real agent: every interface, port 8762. */
    public static final LocalApiConfig DEFAULTS = new LocalApiConfig("0.0.0.0", DEFAULT_PORT, null);
    /** Loopback and a free port: {@code cluman dev} and tests. */
    public static final LocalApiConfig LOOPBACK_EPHEMERAL = new LocalApiConfig("127.0.0.1", 0, null);

    public LocalApiConfig {
        bind = bind == null || bind.isBlank() ? DEFAULTS.bind() : bind.strip();
        advertise = advertise == null || advertise.isBlank() ? null : advertise.strip();
        Validator v = new Validator();
        v.check(port >= 0 && port <= 65535, "apiPort", port + " is not a TCP port: use 0-65535 (0: any free port)");
        v.check(advertise == null || AdvertisedAddress.isHostPort(advertise), "advertise",
                "'" + advertise + "' is not host or host:port, such as 10.0.0.5 or node-1.example:8762");
        v.throwIfInvalid();
    }

    /** Whether {@link #bind} means every interface. */
    boolean bindsEveryInterface() {
        return "0.0.0.0".equals(bind) || "::".equals(bind) || "[::]".equals(bind);
    }
}
