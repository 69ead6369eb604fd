package io.cluman.store;

import io.cluman.store.embedded.EmbeddedKvStore;
import io.cluman.store.etcd.EtcdKvStore;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Opens the {@link KvStore} a configuration names. */
public final class KvStores {
    private static final String FORMS = "accepted forms: \"embedded\" (or empty) for the store in the data"
            + " directory, or \"etcd://host:port[,host:port...]\" for an etcd cluster";
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+):(\\d{1,5})");

    private KvStores() {
    }

    /**
     * Opens the store named by {@code spec}.
     *
     * <ul>
     *   <li>{@code embedded} or empty: an {@link EmbeddedKvStore} in {@code dataDir/store}, on {@code clock};
     *   <li>{@code etcd://h1:2379,h2:2379}: an {@link EtcdKvStore} over {@code http://h1:2379, http://h2:2379}
     *       (leases then run on etcd's clock).
     * </ul>
     *
     * @throws IllegalArgumentException when {@code spec} is neither
     */
    public static KvStore open(String spec, Path dataDir, InstantSource clock) {
        String trimmed = spec == null ? "" : spec.strip();
        if (trimmed.isEmpty() || trimmed.equals("embedded")) {
            return new EmbeddedKvStore(dataDir.resolve("store"), clock);
        }
        if (trimmed.startsWith("etcd://")) {
            return new EtcdKvStore(etcdEndpoints(trimmed));
        }
        throw new IllegalArgumentException("unknown store \"" + spec + "\"; " + FORMS);
    }

    /** The {@code http://host:port} endpoints of an {@code etcd://} spec. */
    static List<String> etcdEndpoints(String spec) {
        String hosts = spec.substring("etcd://".length());
        List<String> endpoints = new ArrayList<>();
        for (String hostPort : hosts.split(",", -1)) {
            String candidate = hostPort.strip();
            var matcher = HOST_PORT.matcher(candidate);
            if (!matcher.matches() || Integer.parseInt(matcher.group(2)) > 65535) {
                throw new IllegalArgumentException("bad etcd member \"" + candidate + "\" in \"" + spec
                        + "\" (expected host:port); " + FORMS);
            }
            endpoints.add("http://" + candidate);
        }
        return endpoints;
    }
}
