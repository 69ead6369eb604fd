package io.cluman.server.compose;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns swarm placement constraints into Cluman's: {@code node.labels.zone==a} is {@code zone=a},
 * {@code node.labels.zone!=a} is {@code zone!=a}, {@code node.hostname==web-1} is {@code node.name=web-1},
 * {@code node.id==X} is {@code node.id=X}. {@code node.role} and {@code node.platform.*} /
 * {@code engine.labels.*} have no Cluman counterpart: warned about and ignored. Anything else is an error,
 * since a placement rule must not be dropped.
 */
final class ConstraintMapper {
    private static final Pattern CONSTRAINT = Pattern.compile("\\s*([\\w.\\-/]+)\\s*(==|!=)\\s*(\\S+)\\s*");
    private static final String LABELS = "node.labels.";

    private final Findings findings;

    ConstraintMapper(Findings findings) {
        this.findings = findings;
    }

    /** The Cluman constraint {@code text} means; null when it is ignored or invalid (then warned or reported). */
    String map(String text, String path) {
        Matcher m = CONSTRAINT.matcher(text);
        if (!m.matches()) {
            findings.error(path, "'" + text + "' is not a constraint: use node.labels.KEY==VALUE,"
                    + " node.hostname==NAME or node.id==ID, with == or !=");
            return null;
        }
        String attribute = m.group(1);
        String operator = m.group(2).equals("==") ? "=" : "!=";
        String value = m.group(3);
        if (attribute.startsWith(LABELS) && attribute.length() > LABELS.length()) {
            return attribute.substring(LABELS.length()) + operator + value;
        }
        return switch (attribute) {
            case "node.hostname" -> "node.name" + operator + value;
            case "node.id" -> "node.id" + operator + value;
            case "node.role", "node.platform.os", "node.platform.arch" -> {
                findings.warn(path, "'" + text + "' ignored: Cluman nodes have no " + attribute.substring(5)
                        + " to place by; use a node label");
                yield null;
            }
            default -> {
                if (attribute.startsWith("engine.labels.")) {
                    findings.warn(path, "'" + text + "' ignored: Cluman does not place by engine labels; use a"
                            + " node label");
                    yield null;
                }
                findings.error(path, "'" + attribute + "' is not something Cluman places by: use node.labels.KEY,"
                        + " node.hostname or node.id");
                yield null;
            }
        };
    }
}
