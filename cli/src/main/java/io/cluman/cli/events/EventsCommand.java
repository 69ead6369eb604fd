package io.cluman.cli.events;

import io.cluman.cli.Main;
import io.cluman.cli.output.Json;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.cli.remote.Sleeper;
import io.cluman.client.ClumanClient;
import io.cluman.client.EventStream;
import io.cluman.model.event.Event;
import io.cluman.model.event.Severity;
import io.cluman.model.event.Topic;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cluman events [-f] [--topic T] [--severity S] [--limit N]}: recent events, oldest first; with
 * {@code -f}, then the live stream until Ctrl-C (JSON: one object per line).
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "List recent events; with -f, keep following the live stream (Ctrl-C ends).")
public final class EventsCommand extends ClientCommand {
    /** Like {@code tail -f}: the last few events before the live ones, unless --limit says otherwise. */
    static final int FOLLOW_BACKLOG = 10;

    @Option(names = {"-f", "--follow"}, description = "Follow the live stream after the recent events.")
    boolean follow;

    @Option(names = "--topic", paramLabel = "T", converter = TopicConverter.class,
            description = "Only this topic: node, job, errors, ... or the bus name (bus.cluman.node).")
    Topic topic;

    @Option(names = "--severity", paramLabel = "S", description = "Only this severity: ${COMPLETION-CANDIDATES}.")
    Severity severity;

    @Option(names = "--limit", paramLabel = "N",
            description = "At most N recent events (with -f: the last 10 unless given).")
    Integer limit;

    @Override
    protected int run(ClumanClient client, Output output) {
        if (limit != null && limit < 0) {
            throw usage("--limit must not be negative, was " + limit);
        }
        List<Event> recent = client.events(filters(true)).stream().sorted(Comparator.comparingLong(Event::id)).toList();
        if (!follow) {
            output.list(recent, events -> EventRows.table(events, output.now()));
            return Main.OK;
        }
        if (!output.isJson()) {
            output.line(EventRows.followHeader());
        }
        recent.forEach(e -> print(output, e));
        long last = recent.isEmpty() ? 0 : recent.get(recent.size() - 1).id();
        new EventFollower(from -> feed(client.streamEvents(filters(false), from)), e -> print(output, e),
                Sleeper.SYSTEM, err()).follow(last);
        return Main.OK;
    }

    Map<String, String> filters(boolean withLimit) {
        Map<String, String> filters = new LinkedHashMap<>();
        if (topic != null) {
            filters.put("topic", topic.busName());
        }
        if (severity != null) {
            filters.put("severity", severity.name());
        }
        Integer shown = limit != null ? limit : follow ? FOLLOW_BACKLOG : null;
        if (withLimit && shown != null) {
            filters.put("limit", shown.toString());
        }
        return filters;
    }

    private static void print(Output output, Event e) {
        output.line(output.isJson() ? Json.compact(e) : EventRows.followRow(e));
    }

    private static EventFollower.Feed feed(EventStream stream) {
        return new EventFollower.Feed() {
            @Override
            public Optional<Event> next() {
                return stream.next();
            }

            @Override
            public void close() {
                stream.close();
            }
        };
    }

    /** Reads {@code node} or {@code bus.cluman.node}; a wrong name is a usage error listing the topics. */
    static final class TopicConverter implements CommandLine.ITypeConverter<Topic> {
        @Override
        public Topic convert(String value) {
            try {
                return Topic.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
