package io.cluman.server.options;

import java.util.List;

/**
 * The options after merging every layer.
 *
 * @param values     what a container gets
 * @param provenance every value with the layer it came from, in a stable order
 * @param layers     the layers merged, lowest first (with the problems each had)
 */
public record MergedOptions(OptionSet values, List<OptionValue> provenance, List<OptionLayer> layers) {
    public MergedOptions {
        provenance = List.copyOf(provenance);
        layers = List.copyOf(layers);
    }
}
