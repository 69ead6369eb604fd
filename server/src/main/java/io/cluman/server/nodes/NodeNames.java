package io.cluman.server.nodes;

import io.cluman.model.validation.Validator;
import java.util.Locale;
import java.util.function.Predicate;

/** Turns a requested node name (often a host name) into a unique DNS label. Pure. */
final class NodeNames {
    private NodeNames() {
    }

    /** A DNS label close to {@code wanted}, made unique among the names {@code taken} by a suffix of the node id. */
    static String pick(String wanted, String nodeId, Predicate<String> taken) {
        String base = normalise(wanted == null || wanted.isBlank() ? nodeId : wanted);
        if (!taken.test(base)) {
            return base;
        }
        String suffix = "-" + nodeId.substring(Math.max(0, nodeId.length() - 6));
        String head = base.substring(0, Math.min(base.length(), 63 - suffix.length()));
        return head + suffix;
    }

    static String normalise(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        if (lower.length() > 63) {
            lower = lower.substring(0, 63).replaceAll("-+$", "");
        }
        return Validator.isDnsLabel(lower) ? lower : "node";
    }
}
