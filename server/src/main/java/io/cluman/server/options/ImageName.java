package io.cluman.server.options;

import io.cluman.server.registries.ImageReference;

/**
 * The short name a configuration file is named after: the image reference without registry host, path,
 * tag and digest ({@code 127.0.0.1:5000/team/nginx:1.27} → {@code nginx}).
 */
public final class ImageName {
    private ImageName() {
    }

    public static String of(String reference) {
        return ImageReference.parse(reference.strip()).name();
    }
}
