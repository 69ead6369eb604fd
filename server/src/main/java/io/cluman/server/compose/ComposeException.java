package io.cluman.server.compose;

import io.cluman.model.validation.FieldError;
import io.cluman.model.validation.ValidationException;
import java.util.List;

/**
 * A compose file that cannot be deployed: one error per offending field, named by its path in the file
 * ({@code services.web.ports[1]}), or {@code file} for the file as a whole. Maps to HTTP 400 like
 * {@link ValidationException}, whose errors {@link #toValidationException()} gives.
 */
public final class ComposeException extends RuntimeException {
    private final List<FieldError> errors;

    public ComposeException(List<FieldError> errors) {
        super(new ValidationException(errors).getMessage());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a compose exception needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** One error. */
    public static ComposeException of(String field, String message) {
        return new ComposeException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The same errors as the exception the API's error mapper already turns into a 400 problem. */
    public ValidationException toValidationException() {
        return new ValidationException(errors);
    }
}
