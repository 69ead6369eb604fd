package io.cluman.cli.events;

import io.cluman.cli.output.Human;
import io.cluman.cli.output.Table;
import io.cluman.model.event.Event;
import io.cluman.model.event.Topic;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** How events print: the {@code events} table, and one row at a time while following. */
public final class EventRows {
    /** Column widths of followed rows, which cannot be measured in advance (MESSAGE is last, unpadded). */
    static final int[] FOLLOW_WIDTHS = {8, 20, 16, 8, 8, 28, 0};

    private EventRows() {
    }

    public static Table table(List<Event> events, Instant now) {
        Table table = header();
        for (Event e : events) {
            table.row(cells(e, Human.ago(e.time(), now)).toArray());
        }
        return table;
    }

    static Table header() {
        return Table.of("ID", "TIME", "TOPIC", "ACTION", "SEVERITY", "OBJECT", "MESSAGE");
    }

    /** A followed event: the time as an ISO instant, since "0s ago" says nothing on a live stream. */
    static String followRow(Event e) {
        String time = e.time() == null ? null : e.time().truncatedTo(ChronoUnit.SECONDS).toString();
        return Table.line(cells(e, time), FOLLOW_WIDTHS);
    }

    static String followHeader() {
        return Table.line(header().headers(), FOLLOW_WIDTHS);
    }

    private static List<String> cells(Event e, String time) {
        return List.of(Long.toString(e.id()), text(time), e.topic() == null ? "" : shortTopic(e.topic()),
                e.action() == null ? "" : e.action().wireName(), e.severity() == null ? "" : e.severity().name(),
                object(e), e.message());
    }

    /** {@code node} for {@code bus.cluman.node}. */
    static String shortTopic(Topic topic) {
        return topic.busName().substring("bus.cluman.".length());
    }

    private static String object(Event e) {
        String kind = text(e.kind());
        String id = text(e.objectId());
        return kind.isEmpty() ? id : id.isEmpty() ? kind : kind + "/" + id;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
