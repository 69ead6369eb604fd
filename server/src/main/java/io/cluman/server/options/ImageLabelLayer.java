package io.cluman.server.options;

import java.util.Map;
import java.util.TreeMap;

/**
 * The lowest layer: what the image says about how to run it, in labels named {@code arg.*}
 * ({@code arg.memory=512M}, {@code arg.restart=always}, {@code arg.ports=8761:8761}, {@code arg.env=A=1,B=2}
 * or {@code arg.env.A=1}, {@code arg.cpus=0.5}). Other labels are ignored.
 */
public final class ImageLabelLayer {
    /** The layer's name in provenance. */
    public static final String SOURCE = "image label";
    private static final String PREFIX = "arg.";

    private ImageLabelLayer() {
    }

    public static OptionLayer from(Map<String, String> imageLabels) {
        LayerBuilder layer = new LayerBuilder(SOURCE);
        new TreeMap<>(imageLabels).forEach((key, value) -> {
            if (key.startsWith(PREFIX) && key.length() > PREFIX.length()) {
                layer.flat(key, key.substring(PREFIX.length()), value);
            }
        });
        return layer.build();
    }
}
