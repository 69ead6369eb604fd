package io.cluman.model.job;

/** One unit of a job, such as one node of a batch, with its own state and what happened. */
public record JobStep(String name, JobState state, String message) {
    public JobStep {
        message = message == null ? "" : message;
    }

    public JobStep with(JobState newState, String newMessage) {
        return new JobStep(name, newState, newMessage);
    }
}
