package io.cluman.server.compose;

/**
 * Something in a compose file that Cluman does not act on, or acts on differently than docker compose.
 *
 * @param path    where, as a path into the file: {@code services.web.volumes}, {@code networks}
 * @param message what Cluman does about it: {@code not supported, ignored}
 */
public record ComposeWarning(String path, String message) {
}
