package io.cluman.model.job;

/** How far a job is: {@code done} of {@code total} units. */
public record Progress(int done, int total) {
}
