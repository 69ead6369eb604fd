package io.cluman.agent.api;

import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@code host:port} the server should call the local API at. Pure: the host's own address comes in
 * as a supplier.
 *
 * <ul>
 *   <li>{@code --advertise host:port}: as given (a NAT or proxy may map the port);</li>
 *   <li>{@code --advertise host}: that host with the port bound;</li>
 *   <li>nothing: the bind address with the port bound, or the host's first address when bound to every
 *       interface.</li>
 * </ul>
 */
final class AdvertisedAddress {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern HOST_PORT = Pattern.compile("(" + HOST.pattern() + ")(:[0-9]{1,5})?");

    private AdvertisedAddress() {
    }

    static boolean isHostPort(String text) {
        if (!HOST_PORT.matcher(text).matches()) {
            return false;
        }
        return !hasPort(text) || port(text) >= 1 && port(text) <= 65535;
    }

    static String of(LocalApiConfig config, int boundPort, Supplier<String> hostAddress) {
        String advertise = config.advertise();
        if (advertise != null) {
            return hasPort(advertise) ? advertise : advertise + ":" + boundPort;
        }
        String host = config.bindsEveryInterface() ? hostAddress.get() : config.bind();
        return literal(host) + ":" + boundPort;
    }

    /** IPv6 addresses in brackets, as URLs want them. */
    private static String literal(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static boolean hasPort(String text) {
        int colon = text.lastIndexOf(':');
        return colon > text.lastIndexOf(']');
    }

    private static int port(String text) {
        return Integer.parseInt(text.substring(text.lastIndexOf(':') + 1));
    }
}
