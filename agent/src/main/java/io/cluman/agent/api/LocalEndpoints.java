package io.cluman.agent.api;

import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.DriverSet;
import io.cluman.agent.driver.ImageLabels;
import io.cluman.agent.driver.LogSource;
import io.cluman.agent.driver.StatsSource;
import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.UnmanagedTask;
import io.cluman.model.api.LogQuery;
import io.cluman.model.validation.FieldError;
import io.cluman.model.validation.ValidationException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of the local API, all {@code GET} and read-only:
 * <pre>
 *   /v1/local/tasks/{allocId}/logs?tail=N&amp;follow=true   text/plain lines, chunked
 *   /v1/local/tasks/{allocId}/stats                     JSON TaskStats
 *   /v1/local/unmanaged                                 JSON list of UnmanagedTask
 *   /v1/local/images/labels?image=REF                   JSON map (404: the engine has no such image)
 * </pre>
 * A log stream ends when the lines asked for are sent and, when following, when the task ends; or when
 * the caller goes away (noticed at the next line) or the agent closes.
 */
final class LocalEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(LocalEndpoints.class);
    private static final Pattern TASK = Pattern.compile("/v1/local/tasks/([^/]+)/(logs|stats)");

    private final TaskLookup tasks;
    private final DriverSet drivers;
    private final BooleanSupplier closing;

    LocalEndpoints(TaskLookup tasks, DriverSet drivers, BooleanSupplier closing) {
        this.tasks = tasks;
        this.drivers = drivers;
        this.closing = closing;
    }

    void serve(LocalExchange ex) throws IOException {
        if (!"GET".equals(ex.method())) {
            ex.problem(405, "Method not allowed", ex.method() + " is not allowed: the local API only reads",
                    List.of());
            return;
        }
        try {
            route(ex);
        } catch (ValidationException e) {
            ex.problem(400, "Invalid input", "fix the fields listed in errors", e.errors());
        } catch (DriverException e) {
            int status = switch (e.reason()) {
                case NOT_FOUND -> 404;
                case INVALID_SPEC -> 400;
                default -> 503;
            };
            ex.problem(status, status == 503 ? "Engine unavailable" : "Not found", e.getMessage(), List.of());
        }
    }

    private void route(LocalExchange ex) throws IOException {
        String path = ex.path();
        Matcher task = TASK.matcher(path);
        if (task.matches()) {
            Optional<TaskHandle> handle = tasks.task(task.group(1));
            if (handle.isEmpty()) {
                ex.problem(404, "Not found", "no task of allocation '" + task.group(1) + "' on this node: it is not"
                        + " assigned here, or has not started yet", List.of());
            } else if ("logs".equals(task.group(2))) {
                logs(ex, handle.get());
            } else {
                stats(ex, handle.get());
            }
        } else if ("/v1/local/unmanaged".equals(path)) {
            ex.json(200, unmanaged());
        } else if ("/v1/local/images/labels".equals(path)) {
            imageLabels(ex);
        } else {
            ex.problem(404, "Not found", "no route GET " + path, List.of());
        }
    }

    private void logs(LocalExchange ex, TaskHandle handle) throws IOException {
        LogQuery query = LogQuery.parse(ex.query("tail"), ex.query("follow"));
        boolean follow = query.follow();
        TaskDriver driver = driverOf(handle);
        if (!(driver instanceof LogSource source)) {
            ex.problem(501, "Not implemented", "driver " + driver.name() + " cannot show output", List.of());
            return;
        }
        driver.inspect(handle); // NOT_FOUND before the 200 goes out
        AtomicBoolean gone = new AtomicBoolean();
        try (OutputStream out = ex.startText()) {
            source.logs(handle, query.tail(), follow, line -> write(out, line, follow, gone),
                    () -> gone.get() || closing.getAsBoolean());
        } catch (DriverException e) {
            LOG.debug("the logs of {} ended early: {}", handle.allocId(), e.getMessage());
        } catch (IOException e) {
            LOG.debug("the reader of {}'s logs left: {}", handle.allocId(), e.toString());
        }
    }

    private static void write(OutputStream out, String line, boolean flush, AtomicBoolean gone) {
        if (gone.get()) {
            return;
        }
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            if (flush) {
                out.flush();
            }
        } catch (IOException e) {
            gone.set(true);
        }
    }

    private void stats(LocalExchange ex, TaskHandle handle) throws IOException {
        TaskDriver driver = driverOf(handle);
        if (!(driver instanceof StatsSource source)) {
            ex.problem(501, "Not implemented", "driver " + driver.name() + " cannot measure tasks", List.of());
            return;
        }
        ex.json(200, source.stats(handle));
    }

    private List<UnmanagedTask> unmanaged() {
        List<UnmanagedTask> all = new ArrayList<>();
        for (String name : drivers.names()) {
            drivers.taskDriver(name).ifPresent(d -> all.addAll(d.unmanaged()));
        }
        return all;
    }

    private void imageLabels(LocalExchange ex) throws IOException {
        String image = ex.query("image");
        if (image == null || image.isBlank()) {
            throw ValidationException.of("image", "is required: an image reference such as busybox:1.36");
        }
        Optional<ImageLabels> engine = drivers.names().stream().map(drivers::taskDriver).flatMap(Optional::stream)
                .filter(ImageLabels.class::isInstance).map(ImageLabels.class::cast).findFirst();
        if (engine.isEmpty()) {
            ex.problem(503, "Engine unavailable", "this node has no image engine (the docker driver is not"
                    + " available)", List.of());
            return;
        }
        Optional<Map<String, String>> labels = engine.get().imageLabels(image.strip());
        if (labels.isEmpty()) {
            ex.problem(404, "Not found", "image '" + image.strip() + "' is not on this node (the agent does not pull"
                    + " to answer this)", List.of(new FieldError("image", "is not present locally")));
            return;
        }
        ex.json(200, labels.get());
    }

    private TaskDriver driverOf(TaskHandle handle) {
        return drivers.taskDriver(handle.driver()).orElseThrow(() -> new DriverException(
                DriverException.Reason.ENGINE_UNAVAILABLE, "driver " + handle.driver() + " is not available"));
    }
}
