package io.cluman.cli.process;

import java.nio.file.Path;

/** The lines a server prints on start: where to reach it and which tokens to use. */
final class Banner {
    private Banner() {
    }

    /** The base URL without a trailing slash, so paths append cleanly. */
    static String base(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String swaggerUi(String url) {
        return base(url) + "/swagger-ui.html";
    }

    /** A token file of the data directory, as an absolute path people can copy. */
    static Path tokenFile(Path dataDir, String name) {
        return dataDir.toAbsolutePath().normalize().resolve(name);
    }

    static String server(String url, String adminToken, String joinToken, Path dataDir, String agentUrl) {
        return "cluman server is up\n"
                + "  API and UI:   " + base(url) + "/\n"
                + "  Swagger UI:   " + swaggerUi(url) + "\n"
                + "  agent port:   " + agentUrl + " (mutual TLS; agents join at the API address)\n"
                + "  admin token:  " + adminToken + "\n"
                + "  join token:   " + joinToken + "\n"
                + "  token files:  " + tokenFile(dataDir, "admin.token") + "\n"
                + "                " + tokenFile(dataDir, "join.token") + "\n"
                + "  cluster CA:   " + tokenFile(dataDir, "ca.crt") + " (trust it with --ca-file)\n"
                + "Ctrl-C stops it.\n";
    }
}
