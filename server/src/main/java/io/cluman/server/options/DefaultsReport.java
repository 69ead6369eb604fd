package io.cluman.server.options;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /v1/containers/defaults}: what a container of {@code image} in {@code cluster} gets before the
 * request adds its own options, and where each value comes from.
 *
 * @param labelsFrom the node whose engine showed the image's labels; null when none could
 * @param git        the configuration repository's state; null when the server has none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DefaultsReport(String cluster, String image, String imageName, String labelsFrom, OptionSet values,
                             List<OptionValue> provenance, List<OptionLayer> layers, GitState git) {

    /**
     * @param commit    the commit the defaults were read at; empty before the first good fetch
     * @param lastError why the last fetch failed; null after a good one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GitState(String url, String commit, Instant readAt, String lastError) {
    }
}
