package io.cluman.server.options;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a port mapping and a restart policy look like; shared by every layer's parser and the request's checks. */
public final class OptionSyntax {
    /** {@code [host:]container[/tcp|udp]}. */
    public static final Pattern PORT = Pattern.compile("(?:(\\d{1,5}):)?(\\d{1,5})(?:/(tcp|udp))?");
    /** {@code no}, {@code always}, {@code on-failure} or {@code on-failure:N}. */
    public static final Pattern RESTART = Pattern.compile("no|always|on-failure(?::(\\d{1,4}))?");
    /** What a bad port mapping's message says to do. */
    public static final String PORT_HINT = "use host:container, e.g. 8080:80, or a port";
    /** What a bad restart policy's message says to do. */
    public static final String RESTART_HINT = "use no, always, on-failure or on-failure:N";

    private OptionSyntax() {
    }

    /** Whether {@code text} is a mapping with both ports in 1-65535. */
    public static boolean isPort(String text) {
        if (text == null) {
            return false;
        }
        Matcher m = PORT.matcher(text.strip());
        if (!m.matches()) {
            return false;
        }
        int container = Integer.parseInt(m.group(2));
        int host = m.group(1) == null ? container : Integer.parseInt(m.group(1));
        return container >= 1 && container <= 65535 && host >= 1 && host <= 65535;
    }

    /** The host port a valid mapping takes (the container port when it names no host port). */
    public static int hostPort(String mapping) {
        Matcher m = PORT.matcher(mapping.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + mapping + "' is not a port mapping");
        }
        return Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** Whether {@code text} is a restart policy. */
    public static boolean isRestart(String text) {
        return text != null && RESTART.matcher(text).matches();
    }
}
