package io.cluman.model.agent;

/** Why an agent could not start a task, when the server treats the cause specially (pull failures). */
public enum TaskFailure {
    /** The registry refused the credentials, or wants some and got none. */
    PULL_UNAUTHORIZED,
    /** The registry does not have the image. */
    IMAGE_NOT_FOUND,
    /** The pull failed otherwise: registry unreachable, network down, time-out. */
    PULL_FAILED
}
