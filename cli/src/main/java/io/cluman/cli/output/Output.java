package io.cluman.cli.output;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where and how a command prints its result: stdout in the chosen {@link OutputFormat}. Human
 * formats are relative to {@link #now()}, fixed when the command starts.
 */
public final class Output {
    private final PrintWriter out;
    private final OutputFormat format;
    private final Instant now;

    public Output(PrintWriter out, OutputFormat format, Instant now) {
        this.out = out;
        this.format = format;
        this.now = now;
    }

    public boolean isJson() {
        return format == OutputFormat.JSON;
    }

    public Instant now() {
        return now;
    }

    /** A list: a table built by {@code table}, or a JSON array. */
    public <T> void list(List<T> items, Function<List<T>, Table> table) {
        print(isJson() ? Json.pretty(items) + "\n" : table.apply(items).render());
    }

    /** One object: {@code key: value} details, or its JSON. */
    public void object(Object value, Supplier<Details> details) {
        print(isJson() ? Json.pretty(value) + "\n" : details.get().render());
    }

    /**
     * What a command did: {@code message} for people, {@code value} as JSON for scripts (nothing in
     * JSON when {@code value} is null, as after a delete).
     */
    public void done(String message, Object value) {
        if (isJson()) {
            if (value != null) {
                print(Json.pretty(value) + "\n");
            }
        } else {
            print(message + "\n");
        }
    }

    /** A line as is, in either format (a streamed row or JSON object). */
    public void line(String text) {
        print(text + "\n");
    }

    private void print(String text) {
        out.print(text);
        out.flush();
    }
}
