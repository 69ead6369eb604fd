package io.cluman.cli.process;

import io.cluman.server.tls.ApiTls;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --tls*} options of {@code server} and {@code dev}: HTTPS on the API port from PEM files, or
 * ({@code --tls auto}) with the server's certificate from the cluster CA, whose certificate clients trust
 * from {@code <data>/ca.crt}.
 */
public final class TlsOptions {
    @Option(names = "--tls", paramLabel = "auto",
            description = "auto: serve the API over HTTPS only with a certificate from the cluster CA; clients trust"
                    + " the CA in <data>/ca.crt (the CLI on this machine finds it).")
    String mode;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "Serve the API over HTTPS only, with this PEM certificate chain (server certificate first);"
                    + " needs --tls-key.")
    Path cert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "The PEM private key (PKCS#8, BEGIN PRIVATE KEY; EC or RSA) of --tls-cert.")
    Path key;

    /**
     * What a local client (the agent of {@code cluman dev}) trusts: the given certificate, or with
     * {@code --tls auto} the cluster CA the server writes to {@code dataDir}.
     */
    Optional<Path> trustFile(Path dataDir) {
        return "auto".equals(mode) ? Optional.of(dataDir.resolve("ca.crt")) : Optional.ofNullable(cert);
    }

    /**
     * Plain HTTP, or HTTPS from the files once they are read and found to match.
     *
     * @throws IllegalArgumentException naming the option at fault
     */
    ApiTls tls() {
        if (mode != null) {
            if (!mode.equals("auto")) {
                throw new IllegalArgumentException("--tls takes 'auto', not '" + mode + "' (files go with --tls-cert"
                        + " and --tls-key)");
            }
            if (cert != null || key != null) {
                throw new IllegalArgumentException("--tls auto and --tls-cert/--tls-key exclude each other: choose the"
                        + " cluster CA's certificate or your own");
            }
            return new ApiTls.Auto();
        }
        if (cert == null && key == null) {
            return ApiTls.PLAIN;
        }
        if (cert == null || key == null) {
            throw new IllegalArgumentException(cert == null ? "--tls-key needs --tls-cert, the certificate chain"
                    : "--tls-cert needs --tls-key, the certificate's private key");
        }
        ApiTls tls = new ApiTls.FromFiles(cert, key);
        tls.keyStore(); // fail at the command line, before anything starts
        return tls;
    }
}
