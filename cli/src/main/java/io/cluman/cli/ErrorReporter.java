package io.cluman.cli;

import io.cluman.cli.remote.ServerUnreachableException;
import io.cluman.client.ApiException;
import io.cluman.model.api.Problem;
import io.cluman.model.validation.FieldError;
import io.cluman.model.validation.ValidationException;
import java.io.PrintWriter;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into a message on stderr and an exit code: a server's problem (1),
 * input a component rejected (2), an unreachable server (3), anything else (1). With
 * {@code CLUMAN_DEBUG} set, the stack trace follows.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        err.print(describe(ex));
        if (System.getenv("CLUMAN_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCode(ex);
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof ServerUnreachableException) {
            return Main.UNREACHABLE;
        }
        if (ex instanceof CommandLine.ParameterException || ex instanceof ValidationException) {
            return Main.USAGE;
        }
        return Main.SERVER_ERROR;
    }

    /** What the user reads, one or more lines each ending with a newline. */
    static String describe(Throwable ex) {
        return switch (ex) {
            case ApiException api -> problem(api.status(), api.problem());
            case ValidationException invalid -> "error: invalid input\n" + invalid.errors().stream()
                    .map(e -> "  " + e.field() + ": " + e.message() + "\n").collect(Collectors.joining());
            case ServerUnreachableException down -> "cannot reach " + down.address()
                    + ": start it with ./cluman dev or set --addr / CLUMAN_ADDR\n";
            default -> "error: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()) + "\n";
        };
    }

    /** {@code error: title: detail}, then {@code   field: message} per field error. */
    static String problem(int status, Problem problem) {
        StringBuilder text = new StringBuilder("error: ");
        String title = problem.title() == null || problem.title().isBlank() ? "HTTP " + status : problem.title();
        text.append(title);
        if (problem.detail() != null && !problem.detail().isBlank() && !problem.detail().equals(title)) {
            text.append(": ").append(problem.detail().strip());
        }
        text.append('\n');
        for (FieldError e : problem.errors()) {
            text.append("  ").append(e.field()).append(": ").append(e.message()).append('\n');
        }
        if (status == 401) {
            text.append("hint: pass --token, set CLUMAN_TOKEN, or point --data at the server's data directory"
                    + " (it holds admin.token)\n");
        }
        return text.toString();
    }
}
