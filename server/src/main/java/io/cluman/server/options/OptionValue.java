package io.cluman.server.options;

/**
 * One merged value and the layer it came from.
 *
 * @param field  {@code memory}, {@code ports[8080]}, {@code env.MODE}, ...
 * @param value  its text form (memory in bytes)
 * @param source the layer's name, e.g. {@code git web/nginx.yml@3f2a91c}
 */
public record OptionValue(String field, String value, String source) {
}
