package io.cluman.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cluman.model.check.CheckResult;
import java.time.Instant;

/**
 * A check as the API shows it: its spec, where it runs, and its last result.
 *
 * @param node     the node it is dispatched to; absent while dangling
 * @param nodeName that node's name
 * @param status   {@code passing}, {@code failing}, {@code pending} (dispatched, no result yet) or {@code dangling}
 *                 (no node of its cluster may run it)
 * @param last     the last result the node it is dispatched to reported; absent before one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckView(String name, String type, String target, String interval, String timeout, String cluster,
                        String node, String nodeName, Instant dispatchedAt, String status, CheckResult last,
                        Instant createdAt) {
}
