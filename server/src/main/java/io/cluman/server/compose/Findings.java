package io.cluman.server.compose;

import io.cluman.model.validation.FieldError;
import java.util.ArrayList;
import java.util.List;

/** The errors and warnings found while a compose file is read, each at its path in the file. */
final class Findings {
    private final List<FieldError> errors = new ArrayList<>();
    private final List<ComposeWarning> warnings = new ArrayList<>();

    void error(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    void warn(String path, String message) {
        warnings.add(new ComposeWarning(path, message));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<ComposeWarning> warnings() {
        return List.copyOf(warnings);
    }

    /** Throws every error found so far at once. */
    void throwIfErrors() {
        if (!errors.isEmpty()) {
            throw new ComposeException(errors);
        }
    }
}
