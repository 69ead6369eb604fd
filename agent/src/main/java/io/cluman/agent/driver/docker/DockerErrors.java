package io.cluman.agent.driver.docker;

import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.DriverException.Reason;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns docker-java's exceptions into {@link DriverException}s with the engine's own words. */
final class DockerErrors {
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private DockerErrors() {
    }

    /**
     * The driver exception for {@code e}, raised while doing {@code what} (e.g. "creating container x").
     * 404 is NOT_FOUND, 409 CONFLICT, 400 INVALID_SPEC, an I/O failure ENGINE_UNAVAILABLE, the rest
     * ENGINE_ERROR.
     */
    static DriverException map(RuntimeException e, String what) {
        if (e instanceof DriverException driver) {
            return driver;
        }
        String words = engineMessage(e);
        if (e instanceof NotFoundException) {
            return new DriverException(Reason.NOT_FOUND, what + ": " + words, e);
        }
        if (e instanceof ConflictException) {
            return new DriverException(Reason.CONFLICT, what + ": " + words, e);
        }
        if (e instanceof BadRequestException) {
            return new DriverException(Reason.INVALID_SPEC, what + ": the engine refused: " + words, e);
        }
        if (isUnavailable(e)) {
            return new DriverException(Reason.ENGINE_UNAVAILABLE, what + ": the docker engine does not answer ("
                    + words + "); is dockerd running and DOCKER_HOST right?", e);
        }
        return new DriverException(Reason.ENGINE_ERROR, what + ": " + words, e);
    }

    /** Whether {@code e} means the engine could not be reached at all. */
    static boolean isUnavailable(Throwable e) {
        if (e instanceof DockerException) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The engine's {@code message} when the error carries its JSON body, else the exception's text. */
    static String engineMessage(Throwable e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher m = MESSAGE.matcher(text);
        if (m.find()) {
            return m.group(1).replace("\\\"", "\"").replace("\\n", " ").strip();
        }
        if (e.getCause() != null && e.getMessage() != null && e.getMessage().equals(e.getCause().toString())) {
            return e.getCause().getMessage() == null ? text : e.getCause().getMessage();
        }
        return text.strip();
    }
}
