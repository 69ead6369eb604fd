package io.cluman.server.options;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Container options as one layer states them; {@code null} (or an empty collection) means "this layer says
 * nothing about it".
 *
 * @param memory bytes
 * @param cpus   cores
 * @param ports  {@code host:container[/proto]} or a bare port
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OptionSet(List<String> command, List<String> args, Map<String, String> env, List<String> ports,
                        Map<String, String> labels, Long memory, Double cpus, String restart, String workDir) {
    public OptionSet {
        command = command == null ? List.of() : List.copyOf(command);
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
        ports = ports == null ? List.of() : List.copyOf(ports);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public static final OptionSet EMPTY = new OptionSet(null, null, null, null, null, null, null, null, null);
}
