/**
 * Where a container's options come from, and how they merge: the image's {@code arg.*} labels, then the
 * per-cluster defaults in a git repository ({@code <cluster>/<image-name>.yml} or {@code .properties}), then
 * the API request. Later layers win for single values; lists and maps merge entry by entry. Every merged
 * value remembers the layer it came from, so {@code GET /v1/containers/defaults} can say why a container got
 * its memory limit.
 */
package io.cluman.server.options;
