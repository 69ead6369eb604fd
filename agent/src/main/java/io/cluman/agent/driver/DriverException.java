package io.cluman.agent.driver;

import java.util.Objects;

/**
 * Why a driver could not do what it was asked. The message says what went wrong in words a person can
 * act on (which image, which port, what the engine said); {@link #reason()} lets code decide what to do.
 */
public final class DriverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of trouble; {@link #retryable()} says whether trying the same call later may succeed. */
    public enum Reason {
        /** The spec cannot run on this driver (no command, bad port, bad name); fix the spec. */
        INVALID_SPEC(false),
        /** The image is neither here nor in its registry. */
        IMAGE_NOT_FOUND(false),
        /** The image's registry refused the credentials, or wants some and got none; fix the registry's login. */
        PULL_UNAUTHORIZED(false),
        /** The image is not here and pulling it failed (registry unreachable, network down). */
        PULL_FAILED(true),
        /** A host port the task needs is taken by another process. */
        PORT_IN_USE(true),
        /** A task of this allocation exists already on this driver: destroy it first. */
        CONFLICT(false),
        /** The runtime object (container, task dir) is gone. */
        NOT_FOUND(false),
        /** The engine or the OS refused to start the task (exec failed, cgroup refused). */
        START_FAILED(false),
        /** The engine does not answer (socket missing, daemon down). */
        ENGINE_UNAVAILABLE(true),
        /** The engine answered with an error not covered above; the message carries its words. */
        ENGINE_ERROR(true);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Reason reason;

    public DriverException(Reason reason, String message) {
        this(reason, message, null);
    }

    public DriverException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    /** Whether the same call may succeed later without a change of spec. */
    public boolean retryable() {
        return reason.retryable();
    }

    @Override
    public String toString() {
        return "DriverException[" + reason + "]: " + getMessage();
    }
}
