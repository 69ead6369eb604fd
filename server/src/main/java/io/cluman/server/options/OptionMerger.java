package io.cluman.server.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Merges layers, lowest first: for a single value (memory, cpus, restart, workdir, command, args) the last
 * layer that states it wins; ports merge by container port (a later layer's mapping of the same container
 * port replaces the earlier one); env and labels merge by name. Pure.
 */
public final class OptionMerger {
    private OptionMerger() {
    }

    public static MergedOptions merge(List<OptionLayer> layers) {
        Map<String, OptionValue> singles = new LinkedHashMap<>();
        Map<String, OptionValue> ports = new LinkedHashMap<>();
        Map<String, OptionValue> env = new TreeMap<>();
        Map<String, OptionValue> labels = new TreeMap<>();
        List<String> command = null;
        List<String> args = null;
        Long memory = null;
        Double cpus = null;
        String restart = null;
        String workDir = null;
        for (OptionLayer layer : layers) {
            OptionSet o = layer.options();
            String from = layer.source();
            if (!o.command().isEmpty()) {
                command = o.command();
                singles.put("command", new OptionValue("command", String.join(" ", command), from));
            }
            if (!o.args().isEmpty()) {
                args = o.args();
                singles.put("args", new OptionValue("args", String.join(" ", args), from));
            }
            if (o.memory() != null) {
                memory = o.memory();
                singles.put("memory", new OptionValue("memory", Long.toString(memory), from));
            }
            if (o.cpus() != null) {
                cpus = o.cpus();
                singles.put("cpus", new OptionValue("cpus", Double.toString(cpus), from));
            }
            if (o.restart() != null) {
                restart = o.restart();
                singles.put("restart", new OptionValue("restart", restart, from));
            }
            if (o.workDir() != null) {
                workDir = o.workDir();
                singles.put("workDir", new OptionValue("workDir", workDir, from));
            }
            for (String port : o.ports()) {
                String key = containerPort(port);
                ports.remove(key);
                ports.put(key, new OptionValue("ports[" + key + "]", port, from));
            }
            o.env().forEach((k, v) -> env.put(k, new OptionValue("env." + k, v, from)));
            o.labels().forEach((k, v) -> labels.put(k, new OptionValue("labels." + k, v, from)));
        }
        OptionSet values = new OptionSet(command, args, values(env), ports.values().stream().map(OptionValue::value)
                .toList(), values(labels), memory, cpus, restart, workDir);
        List<OptionValue> provenance = new ArrayList<>(singles.values());
        provenance.addAll(ports.values());
        provenance.addAll(env.values());
        provenance.addAll(labels.values());
        return new MergedOptions(values, provenance, layers);
    }

    /** {@code 8080:80/udp} → {@code 80/udp}; {@code 80} → {@code 80/tcp}. */
    private static String containerPort(String mapping) {
        Matcher m = OptionSyntax.PORT.matcher(mapping);
        if (!m.matches()) {
            return mapping;
        }
        return m.group(2) + "/" + (m.group(3) == null ? "tcp" : m.group(3));
    }

    private static Map<String, String> values(Map<String, OptionValue> entries) {
        Map<String, String> out = new TreeMap<>();
        entries.forEach((k, v) -> out.put(k, v.value()));
        return out;
    }
}
