package io.cluman.cli.remote;

import io.cluman.cli.output.Output;
import io.cluman.client.ClientTls;
import io.cluman.client.ClumanClient;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command that talks to a server: it gets the {@link ClientOptions}, a connected client and an
 * {@link Output}, and returns its exit code. A server that does not answer becomes a
 * {@link ServerUnreachableException} (exit 3); server-reported errors stay
 * {@link io.cluman.client.ApiException}s (exit 1).
 */
public abstract class ClientCommand implements Callable<Integer> {
    @Mixin
    protected ClientOptions options;

    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() {
        String address = options.address();
        ClumanClient client;
        SSLContext tls;
        try {
            tls = options.caFile(TokenDiscovery.ofProcess()).map(ClientTls::trusting).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--ca-file " + e.getMessage()
                    + ": give the server's certificate or its CA in PEM");
        }
        try {
            String token = options.token(TokenDiscovery.ofProcess());
            client = tls == null ? ClumanClient.connect(address, token) : ClumanClient.connect(address, token, tls);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "--addr '" + address + "' is not a URL: " + e.getMessage());
        }
        Output output = new Output(spec.commandLine().getOut(), options.format(), InstantSource.system().instant());
        try {
            return run(client, output);
        } catch (UncheckedIOException e) {
            if (isUnreachable(e)) {
                throw new ServerUnreachableException(address, e);
            }
            throw e;
        }
    }

    /** Does the command's work; returns its exit code. */
    protected abstract int run(ClumanClient client, Output output);

    /** Where progress and notes go, so stdout stays the result. */
    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A usage error (exit 2) of this command. */
    protected ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The client reports a refused or timed-out connection as an UncheckedIOException "cannot reach ...". */
    public static boolean isUnreachable(UncheckedIOException e) {
        return e.getMessage() != null && e.getMessage().startsWith("cannot reach");
    }
}
