package io.cluman.server.checks;

import io.cluman.model.agent.CheckReport;
import io.cluman.model.check.Check;
import io.cluman.model.check.CheckResult;
import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.server.events.EventBus;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The last result of each check, from the node it is dispatched to (a node the check has left, reporting late,
 * is not heard). A check that starts failing or passes again is an event on {@code bus.cluman.check}: a
 * warning when it fails, with what the probe said. Server memory: a restarted server shows each check as
 * pending until its next run. Thread-safe.
 */
public final class CheckResults {
    private final Map<String, Last> last = new ConcurrentHashMap<>();
    private final EventBus events;
    private final Function<String, String> nodeNames;

    /** A result and the node that sent it. */
    record Last(String node, CheckResult result) {
    }

    /** @param nodeNames a node's name from its id, for the events */
    public CheckResults(EventBus events, Function<String, String> nodeNames) {
        this.events = events;
        this.nodeNames = nodeNames;
    }

    /**
     * Keeps the results of {@code report} whose check is dispatched to the reporting node ({@code checks} looks
     * a check up by name); returns how many were kept.
     */
    int receive(CheckReport report, Function<String, Optional<Check>> checks) {
        int kept = 0;
        for (CheckResult r : report.results()) {
            Optional<Check> check = checks.apply(r.check()).filter(c -> report.nodeId().equals(c.node()));
            if (check.isEmpty() || r.at() == null) {
                continue;
            }
            kept++;
            Last before = last.put(r.check(), new Last(report.nodeId(), r));
            boolean passedBefore = before == null || before.result().passed(); // a first failure is news too
            if (passedBefore != r.passed()) {
                if (r.passed()) {
                    events.info(Topic.CHECK, Action.UPDATE, "check", r.check(), "check " + r.check()
                            + " passes again (on node " + nodeNames.apply(report.nodeId()) + ")");
                } else {
                    events.warn(Topic.CHECK, Action.UPDATE, "check", r.check(), "check " + r.check()
                            + " fails on node " + nodeNames.apply(report.nodeId()) + ": " + r.output());
                }
            }
        }
        return kept;
    }

    /** The last result of {@code check} from {@code node}, if that node sent one. */
    Optional<CheckResult> of(String check, String node) {
        return Optional.ofNullable(last.get(check)).filter(l -> l.node().equals(node)).map(Last::result);
    }

    void forget(String check) {
        last.remove(check);
    }
}
