package io.cluman.model.api;

import java.util.Map;

/**
 * {@code POST /v1/applications}: a compose file to deploy.
 *
 * @param name      the application's name; absent: the file's {@code name:}
 * @param cluster   the cluster its services run in; absent: any eligible node
 * @param compose   the compose file, YAML text
 * @param variables values of {@code ${VAR}} in the file (not kept after the deploy)
 * @param files     the files its {@code env_file} entries name, by name as written there, with their text
 */
public record ApplicationRequest(String name, String cluster, String compose, Map<String, String> variables,
                                 Map<String, String> files) {
}
