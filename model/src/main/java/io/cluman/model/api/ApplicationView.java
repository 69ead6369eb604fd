package io.cluman.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cluman.model.application.ApplicationState;
import io.cluman.model.application.ApplicationWarning;
import java.time.Instant;
import java.util.List;

/**
 * An application as the API shows it.
 *
 * @param state         {@code deploying}, {@code running}, {@code stopped} or {@code failed}
 * @param failure       why it failed; absent unless failed
 * @param warnings      what of the compose file Cluman ignores or does differently
 * @param variableNames the variables it was deployed with (names only: values are not kept)
 * @param source        the compose file it was made from; absent in lists
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationView(String name, String cluster, ApplicationState state, String failure,
                              List<ApplicationServiceView> services, List<ApplicationWarning> warnings,
                              List<String> variableNames, String source, Instant createdAt, long revision) {
}
