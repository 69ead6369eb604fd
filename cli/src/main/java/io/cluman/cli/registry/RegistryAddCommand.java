package io.cluman.cli.registry;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.RegistryRequest;
import io.cluman.model.api.RegistryView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cluman registry add NAME URL [--username U --password-stdin]}. The password is read from
 * standard input (never an argument, which other users see in {@code ps} and shells keep in history).
 */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Add an image registry; images whose name starts with its host are pulled with its login.",
            "Docker Hub: 'add docker.io --username U --password-stdin' (URL optional) sets its credentials.",
            "Example: echo \"$PASS\" | cluman registry add local 127.0.0.1:5000 --username ci --password-stdin"})
public final class RegistryAddCommand extends ClientCommand {
    private static final int MAX_PASSWORD = 4096;

    @Parameters(index = "0", paramLabel = "NAME", description = "Registry name, e.g. local.")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "URL",
            description = "host[:port] or http(s)://host[:port]; optional for docker.io.")
    String url;

    @Option(names = "--username", paramLabel = "U", description = "The registry login's user.")
    String username;

    @Option(names = "--password-stdin", description = "Read the password from standard input (one line).")
    boolean passwordStdin;

    @Override
    protected int run(ClumanClient client, Output output) {
        if (passwordStdin && username == null) {
            throw usage("--password-stdin needs --username");
        }
        if (username != null && !passwordStdin) {
            throw usage("--username needs --password-stdin (the password is read from standard input)");
        }
        String password = passwordStdin ? readPassword(System.in) : null;
        RegistryView added = client.addRegistry(new RegistryRequest(name, url, username, password));
        output.done("added registry " + added.name() + " for " + added.host()
                + (added.hasPassword() ? " with user " + added.username() : ""), added);
        return Main.OK;
    }

    /** The first line of {@code in}, without its line end; a usage error when empty. */
    String readPassword(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_PASSWORD + 2);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password from standard input", e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String password = (end < 0 ? text : text.substring(0, end)).replaceAll("\r$", "");
        if (password.isEmpty()) {
            throw usage("--password-stdin read no password from standard input");
        }
        return password;
    }
}
