package io.cluman.model.api;

import io.cluman.model.validation.FieldError;
import java.util.List;

/** An {@code application/problem+json} error body (RFC 9457) with the fields at fault. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        type = type == null ? "about:blank" : type;
    }
}
