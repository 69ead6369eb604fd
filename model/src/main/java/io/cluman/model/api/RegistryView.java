package io.cluman.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A registry as the API shows it: never the password, only whether there is one.
 *
 * @param host     {@code host[:port]}: images whose reference starts with it are pulled with this login
 * @param builtIn  true for Docker Hub, which is always there
 * @param username empty when the registry is used anonymously
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistryView(String name, String url, String host, String username, boolean hasPassword,
                           boolean builtIn, Instant createdAt, long revision) {
}
