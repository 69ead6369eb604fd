package io.cluman.server.compose;

import io.cluman.model.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a compose file into a {@link ComposeApplication}. Pure: no I/O, no clock; the variables and the
 * env files come with the {@link ComposeSource}. Every problem of a file is reported at once, in a
 * {@link ComposeException}; everything Cluman ignores is in the application's warnings.
 *
 * <pre>{@code
 * ComposeApplication app = ComposeParser.parse(new ComposeSource(yaml, "shop", System.getenv(), Map.of()));
 * }</pre>
 */
public final class ComposeParser {
    /** The largest file read, as the API caps request bodies. */
    public static final int MAX_BYTES = 1 << 20;
    private static final Set<String> TOP_KEYS = Set.of("name", "services");
    private static final Map<String, String> TOP_REASONS = Map.of(
            "version", "obsolete, ignored (as docker compose does)",
            "include", "not supported, ignored: put the services in this file");

    private ComposeParser() {
    }

    /** The application {@code source} describes; ComposeException listing every error when it has any. */
    public static ComposeApplication parse(ComposeSource source) {
        int bytes = source.text().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw ComposeException.of("file", "compose file too large: " + bytes + " bytes, at most 1 MiB");
        }
        Findings findings = new Findings();
        Values values = new Values(findings);
        Object document = YamlTree.read(source.text());
        if (!(document instanceof Map<?, ?>)) {
            throw ComposeException.of("file", document == null ? "is empty: a compose file is a mapping with services"
                    : "must be a mapping with services, not a " + (document instanceof List<?> ? "list" : "value"));
        }
        EnvFiles files = new EnvFiles(source.files());
        Map<String, String> variables = variables(source, files, findings);
        Interpolator interpolator = new Interpolator(variables, findings);
        Map<String, Object> top = values.map(interpolator.tree(document, ""), "");
        values.warnUnsupported(top, "", TOP_KEYS, TOP_REASONS);
        String name = name(source, values.text(top.get("name"), "name"), findings);
        Map<String, Object> services = values.map(top.get("services"), "services");
        if (services == null || services.isEmpty()) {
            if (services != null || top.get("services") == null) {
                findings.error("services", "is required: a mapping of service names to their image and settings");
            }
            findings.throwIfErrors();
        }
        ServiceMapper mapper = new ServiceMapper(values, new EnvironmentMapper(values, interpolator, files,
                variables));
        List<ComposeService> mapped = new ArrayList<>();
        services.forEach((serviceName, definition) -> {
            if (!serviceName.startsWith("x-")) {
                ComposeService service = mapper.map(serviceName, definition, Paths.child("services", serviceName));
                if (service != null) {
                    mapped.add(service);
                }
            }
        });
        findings.throwIfErrors();
        List<ComposeService> ordered = DependencyOrder.order(mapped, findings);
        PortConflicts.check(ordered, findings);
        HealthDependencies.check(ordered, findings);
        findings.throwIfErrors();
        return new ComposeApplication(name, ordered, findings.warnings());
    }

    /** The caller's variables over a {@code .env} given among the files, as docker compose reads it. */
    private static Map<String, String> variables(ComposeSource source, EnvFiles files, Findings findings) {
        String dotEnv = files.content(".env");
        if (dotEnv == null) {
            return source.variables();
        }
        Map<String, String> variables = new HashMap<>();
        Interpolator plain = new Interpolator(source.variables(), findings);
        EnvFiles.parse(dotEnv, ".env", ".env", plain, findings).forEach((k, v) -> {
            if (v != null) {
                variables.put(k, v);
            }
        });
        variables.putAll(source.variables());
        return variables;
    }

    private static String name(ComposeSource source, String fileName, Findings findings) {
        String name = source.name() != null ? source.name() : fileName;
        if (name == null || name.isBlank()) {
            findings.error("name", "is required: name the application, or set name: in the file");
            return "";
        }
        if (!Validator.isDnsLabel(name)) {
            findings.error("name", "'" + name + "' is not an application name: use 1-63 lower-case letters, digits"
                    + " and '-', starting and ending with a letter or digit");
        }
        return name;
    }
}
