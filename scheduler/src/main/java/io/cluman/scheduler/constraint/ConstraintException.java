package io.cluman.scheduler.constraint;

/** A constraint's text cannot be read; the message says what was read and what is accepted. */
public final class ConstraintException extends IllegalArgumentException {
    public ConstraintException(String message) {
        super(message);
    }
}
