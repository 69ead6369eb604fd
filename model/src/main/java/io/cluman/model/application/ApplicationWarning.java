package io.cluman.model.application;

/**
 * Something of the compose file Cluman ignores or does differently.
 *
 * @param path    where in the file: {@code services.web.volumes}
 * @param message what Cluman does about it
 */
public record ApplicationWarning(String path, String message) {
}
