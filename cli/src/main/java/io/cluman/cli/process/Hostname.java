package io.cluman.cli.process;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The default agent name: this machine's host name. */
final class Hostname {
    private Hostname() {
    }

    static String local() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
