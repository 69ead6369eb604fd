package io.cluman.cli.remote;

import io.cluman.cli.output.OutputFormat;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every client command takes: which server, with what token, printed how. */
public final class ClientOptions {
    static final String DEFAULT_ADDRESS = "http://127.0.0.1:8761";

    @Option(names = "--addr", paramLabel = "URL", defaultValue = "${env:CLUMAN_ADDR:-" + DEFAULT_ADDRESS + "}",
            description = "Server address (env CLUMAN_ADDR; default ${DEFAULT-VALUE}).")
    String address = DEFAULT_ADDRESS;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "API token (env CLUMAN_TOKEN; else admin.token in --data, CLUMAN_DATA, ./.cluman,"
                    + " ~/.cluman).")
    String token;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Server data directory to read admin.token from (env CLUMAN_DATA).")
    Path dataDir;

    @Option(names = "--ca-file", paramLabel = "FILE", defaultValue = "${env:CLUMAN_CA_FILE}",
            description = "PEM certificate(s) to trust for an https:// server: its self-signed certificate or its CA"
                    + " (env CLUMAN_CA_FILE; default: the JDK's trusted CAs).")
    Path caFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (default ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.TABLE;

    /** The address with a scheme: {@code 127.0.0.1:8761} becomes {@code http://127.0.0.1:8761}. */
    public String address() {
        String a = address == null || address.isBlank() ? DEFAULT_ADDRESS : address.strip();
        return a.contains("://") ? a : "http://" + a;
    }

    public String token(TokenDiscovery discovery) {
        return discovery.find(token, dataDir).orElse("");
    }

    /**
     * The CA file to trust: the one given, else for an {@code https://} address the cluster CA beside the
     * admin token that {@code discovery} finds (a server with {@code --tls auto} writes it there).
     */
    public java.util.Optional<Path> caFile(TokenDiscovery discovery) {
        if (caFile != null) {
            return java.util.Optional.of(caFile);
        }
        return address().startsWith("https://") ? discovery.caFile(dataDir) : java.util.Optional.empty();
    }

    public OutputFormat format() {
        return format;
    }
}
