package io.cluman.server.api;

import io.cluman.model.validation.FieldError;
import java.util.List;

/**
 * An expected refusal of a request, with the HTTP status it maps to. Thrown by handlers and domain
 * operations; {@link ProblemMapper} turns it into problem+json.
 */
public sealed class ApiError extends RuntimeException {
    private final int status;
    private final String title;
    private final List<FieldError> errors;

    private ApiError(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** 404: the object does not exist. */
    public static final class NotFound extends ApiError {
        public NotFound(String kind, String id) {
            super(404, "Not found", kind + " '" + id + "' does not exist", List.of());
        }
    }

    /** 409: the request is valid but clashes with the current state. */
    public static final class Conflict extends ApiError {
        public Conflict(String detail) {
            super(409, "Conflict", detail, List.of());
        }

        public Conflict(String detail, String field, String message) {
            super(409, "Conflict", detail, List.of(new FieldError(field, message)));
        }
    }

    /** 413: the body is too large; {@code field} names what to shrink. */
    public static final class PayloadTooLarge extends ApiError {
        public PayloadTooLarge(String detail, String field) {
            super(413, "Payload too large", detail, List.of(new FieldError(field, "too large: at most 1 MiB")));
        }
    }

    /** 400: the request itself is wrong. */
    public static final class BadRequest extends ApiError {
        public BadRequest(String detail, List<FieldError> errors) {
            super(400, "Bad request", detail, errors);
        }
    }

    /** 401: no token, or a token the server does not know. */
    public static final class Unauthorized extends ApiError {
        public Unauthorized(String detail) {
            super(401, "Unauthorized", detail, List.of());
        }
    }

    /** 403: a known token whose role may not do this. */
    public static final class Forbidden extends ApiError {
        public Forbidden(String detail) {
            super(403, "Forbidden", detail, List.of());
        }
    }

    /** 429: this remote address spent its budget; {@link #retryAfterSeconds()} says when to come back. */
    public static final class TooManyRequests extends ApiError {
        private final long retryAfterSeconds;

        public TooManyRequests(String detail, long retryAfterSeconds) {
            super(429, "Too many requests", detail + "; retry in " + retryAfterSeconds + " s (see Retry-After)",
                    List.of());
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** 503: this server cannot serve the request now (it does not lead, the store is down). */
    public static final class Unavailable extends ApiError {
        public Unavailable(String detail) {
            super(503, "Service unavailable", detail, List.of());
        }
    }
}
