package io.cluman.cli.process;

import io.cluman.server.tls.ApiTls;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --tls-*} options of {@code server} and {@code dev}: HTTPS on the API port from PEM files.
 * ({@code --tls auto}, a certificate from the cluster CA, will be a further option here.)
 */
public final class TlsOptions {
    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "Serve the API over HTTPS only, with this PEM certificate chain (server certificate first);"
                    + " needs --tls-key.")
    Path cert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "The PEM private key (PKCS#8, BEGIN PRIVATE KEY; EC or RSA) of --tls-cert.")
    Path key;

    /** The certificate file, for a local client (the agent of {@code cluman dev}) to trust. */
    Optional<Path> certFile() {
        return Optional.ofNullable(cert);
    }

    /**
     * Plain HTTP, or HTTPS from the files once they are read and found to match.
     *
     * @throws IllegalArgumentException naming the option at fault
     */
    ApiTls tls() {
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
