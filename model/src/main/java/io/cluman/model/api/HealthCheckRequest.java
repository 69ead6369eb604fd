package io.cluman.model.api;

import java.util.List;

/**
 * The {@code healthcheck} of a container request, as people write it. Durations are text such as
 * {@code 10s}, {@code 500ms}, {@code 1m}, or a number of seconds.
 *
 * @param type        {@code command}, {@code http} or {@code tcp}
 * @param command     command: what to run in the container; one element is a shell line
 * @param port        http, tcp: the port on the node's loopback address (1-65535)
 * @param path        http: the path to GET (default {@code /})
 * @param interval    between checks (default 10s)
 * @param timeout     how long one check may take (default 5s, at most the interval)
 * @param retries     consecutive failures that make it unhealthy (default 3)
 * @param startPeriod failures within this time of the start do not count until a check passes (default 0s)
 */
public record HealthCheckRequest(String type, List<String> command, Integer port, String path, String interval,
                                 String timeout, Integer retries, String startPeriod) {
}
