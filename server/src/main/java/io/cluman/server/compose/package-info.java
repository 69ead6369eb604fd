/**
 * Reads docker-compose files into Cluman application definitions: a pure layer, no store and no HTTP.
 *
 * <p>{@link io.cluman.server.compose.ComposeParser} takes a {@link io.cluman.server.compose.ComposeSource}
 * (the YAML text, the variables for {@code ${VAR}}, the files {@code env_file} names) and returns a
 * {@link io.cluman.server.compose.ComposeApplication}: its services in dependency order, each mapped to
 * Cluman's terms (ports as {@code host:container[/proto]}, health checks as commands, restart policies,
 * replicas, limits and placement constraints), and a warning for every key Cluman does not act on. A file
 * that cannot be deployed fails with a {@link io.cluman.server.compose.ComposeException} naming each
 * offending field by its path ({@code services.web.ports[0]}). docs/compose.md lists the mapping.
 *
 * <pre>
 *   text ─► YamlTree (syntax, duplicate keys, aliases) ─► Interpolator (${VAR}) ─► ServiceMapper per service
 *        ─► DependencyOrder (unknown names, cycles) ─► PortConflicts ─► ComposeApplication
 * </pre>
 */
package io.cluman.server.compose;
