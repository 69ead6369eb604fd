package io.cluman.cli.app;

import io.cluman.cli.Main;
import io.cluman.cli.job.ProgressLine;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.cli.remote.Sleeper;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ApplicationRequest;
import io.cluman.model.api.ApplicationView;
import io.cluman.model.application.ApplicationState;
import io.cluman.model.application.ApplicationWarning;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cluman app deploy -f docker-compose.yml [--wait]}: deploy a compose file, print its warnings, maybe wait.
 * The server runs no job for a deployment, so {@code --wait} follows the application itself until it leaves
 * {@code deploying}, like {@code --wait} on the commands that start jobs.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploy a compose file as an application. env_file files (and .env) are read from the"
                + " compose file's directory and sent with it.",
            "Returns once the server accepted it; with --wait, follows it until its services run (or it fails)."})
public final class AppDeployCommand extends ClientCommand {
    @Option(names = {"-f", "--file"}, paramLabel = "FILE", defaultValue = "docker-compose.yml",
            description = "The compose file (default: docker-compose.yml).")
    Path file;

    @Option(names = "--name", paramLabel = "N", description = "The application's name (default: the file's name:).")
    String name;

    @Option(names = "--cluster", paramLabel = "C", description = "The cluster its services run in.")
    String cluster;

    @Option(names = {"-e", "--env"}, paramLabel = "K=V",
            description = "A value for $${K} in the file (repeat); wins over .env.")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--env-file", paramLabel = "F", description = "Read variables from F instead of .env.")
    Path envFile;

    @Option(names = "--wait", description = {"Wait until the application runs (or fails): services running/total"
            + " as a progress bar on stderr, then a one-line summary; exit 1 if it fails."})
    boolean await;

    static final Duration POLL = Duration.ofSeconds(1);

    Sleeper sleeper = Sleeper.SYSTEM;
    InstantSource clock = InstantSource.system();

    @Override
    protected int run(ClumanClient client, Output output) {
        String compose = ComposeFiles.text(file);
        Path directory = file.toAbsolutePath().getParent();
        ApplicationView app = client.deployApplication(new ApplicationRequest(name, cluster, compose, env,
                ComposeFiles.read(compose, directory, envFile)));
        if (!output.isJson()) {
            for (ApplicationWarning w : app.warnings()) {
                output.line("warning: " + w.path() + ": " + w.message());
            }
        }
        if (!await) {
            output.done("deployed application " + app.name() + " (" + app.services().size() + " service(s), "
                    + app.state().json() + ")", app);
            return Main.OK;
        }
        try {
            app = waitForRunning(client, app);
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
        output.done(AppRows.summary(app, Duration.between(output.now(), clock.instant())), app);
        return app.state() == ApplicationState.FAILED ? Main.SERVER_ERROR : Main.OK;
    }

    /** Polls the application while it deploys, its services running/total as a progress bar on stderr. */
    private ApplicationView waitForRunning(ClumanClient client, ApplicationView app) throws InterruptedException {
        ProgressLine progress = ProgressLine.stderr(err());
        try {
            while (true) {
                progress.draw(AppRows.progress(app));
                if (app.state() != ApplicationState.DEPLOYING) {
                    return app;
                }
                sleeper.sleep(POLL);
                app = client.application(app.name());
            }
        } finally {
            progress.end();
        }
    }
}
