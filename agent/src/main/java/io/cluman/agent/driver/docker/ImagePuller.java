package io.cluman.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.UnauthorizedException;
import com.github.dockerjava.api.model.AuthConfig;
import io.cluman.agent.driver.DriverException.Reason;
import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.RegistryAuth;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Makes an image present on the engine: nothing when it is there, else a pull (with credentials when
 * given). A registry that refuses the credentials (or wants some) is PULL_UNAUTHORIZED, one that says
 * the image does not exist IMAGE_NOT_FOUND; any other failure (no network, registry down, pull timeout)
 * is PULL_FAILED. Each carries the engine's words, never the password.
 */
final class ImagePuller {
    private static final List<String> UNAUTHORIZED_WORDS = List.of("unauthorized", "no basic auth credentials",
            "authentication required", "incorrect username or password");
    /** Docker Hub answers "pull access denied" for a repository that does not exist. */
    private static final List<String> NOT_FOUND_WORDS = List.of("not found", "manifest unknown",
            "pull access denied", "repository does not exist", "denied");
    /** The address Docker Hub's logins are made for. */
    private static final String DOCKER_HUB_AUTH = "https://index.docker.io/v1/";

    private final DockerClient docker;
    private final Duration timeout;

    ImagePuller(DockerClient docker, Duration timeout) {
        this.docker = docker;
        this.timeout = timeout;
    }

    /** Pulls {@code image} unless the engine has it. Blocks up to the pull timeout. */
    void ensure(String image, RegistryAuth auth) {
        if (present(image)) {
            return;
        }
        pull(withTag(image), auth);
        if (!present(image)) {
            throw new DriverException(Reason.IMAGE_NOT_FOUND, "image " + image + " is still missing after its pull");
        }
    }

    private boolean present(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw DockerErrors.map(e, "looking for image " + image);
        }
    }

    private void pull(String image, RegistryAuth auth) {
        var pull = docker.pullImageCmd(image);
        if (auth != null) {
            AuthConfig config = new AuthConfig().withUsername(auth.username()).withPassword(auth.password());
            String server = "docker.io".equals(auth.server()) ? DOCKER_HUB_AUTH : auth.server();
            pull.withAuthConfig(server.isEmpty() ? config : config.withRegistryAddress(server));
        }
        PullImageResultCallback callback = new PullImageResultCallback();
        // awaitCompletion rethrows the pull's first error (the engine's status or its stream's errorDetail)
        try (ResultCallback<?> running = pull.exec(callback)) {
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DriverException(Reason.PULL_FAILED, "pulling image " + image + " took longer than "
                        + timeout.toSeconds() + " s; the registry may be slow or unreachable");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException(Reason.PULL_FAILED, "pulling image " + image + " was interrupted", e);
        } catch (DriverException e) {
            throw e;
        } catch (DockerClientException | NotFoundException | UnauthorizedException e) {
            throw failed(image, e);
        } catch (RuntimeException e) {
            if (DockerErrors.isUnavailable(e)) {
                throw DockerErrors.map(e, "pulling image " + image);
            }
            throw failed(image, e);
        } catch (java.io.IOException e) {
            throw new DriverException(Reason.PULL_FAILED, "pulling image " + image + ": " + e.getMessage(), e);
        }
    }

    private static DriverException failed(String image, RuntimeException e) {
        String words = DockerErrors.engineMessage(e);
        String lower = words.toLowerCase(Locale.ROOT);
        if (e instanceof UnauthorizedException || UNAUTHORIZED_WORDS.stream().anyMatch(lower::contains)) {
            return new DriverException(Reason.PULL_UNAUTHORIZED, "pull of " + image + " failed: the registry refuses"
                    + " the credentials (or wants some): " + words, e);
        }
        if (e instanceof NotFoundException || NOT_FOUND_WORDS.stream().anyMatch(lower::contains)) {
            return new DriverException(Reason.IMAGE_NOT_FOUND, "image " + image + " is not on this node and its "
                    + "registry does not have it: " + words, e);
        }
        return new DriverException(Reason.PULL_FAILED, "image " + image + " is not on this node and pulling it "
                + "failed: " + words, e);
    }

    /**
     * {@code image} with {@code :latest} when it names no tag or digest (the engine would otherwise pull
     * every tag). A colon before the last slash is a registry's port, not a tag.
     */
    static String withTag(String image) {
        int slash = image.lastIndexOf('/');
        String last = image.substring(slash + 1);
        return last.contains(":") || last.contains("@") ? image : image + ":latest";
    }
}
