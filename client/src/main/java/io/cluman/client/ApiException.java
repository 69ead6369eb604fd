package io.cluman.client;

import io.cluman.model.api.Problem;

/** The server answered with an error status; {@link #problem()} says what and how to fix it. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final Problem problem;

    public ApiException(int status, Problem problem) {
        super(status + " " + problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public Problem problem() {
        return problem;
    }
}
