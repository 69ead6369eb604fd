package io.cluman.model.api;

/**
 * {@code POST /v1/checks}: a cluster check. Durations are text such as {@code 30s} or a number of seconds.
 *
 * @param name     a DNS label, unique
 * @param type     {@code http} or {@code tcp}
 * @param target   http: an {@code http://} or {@code https://} URL; tcp: {@code host:port}
 * @param interval how often it runs (default 30s, 1s to 1h)
 * @param timeout  how long a run may take (default 5s, at most the interval)
 * @param cluster  the cluster whose nodes may run it (default {@code all}: any node)
 */
public record CheckRequest(String name, String type, String target, String interval, String timeout,
                           String cluster) {
}
