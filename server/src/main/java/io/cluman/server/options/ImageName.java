package io.cluman.server.options;

/**
 * The short name a configuration file is named after: the image reference without registry host, path,
 * tag and digest ({@code 127.0.0.1:5000/team/nginx:1.27} → {@code nginx}).
 */
public final class ImageName {
    private ImageName() {
    }

    public static String of(String reference) {
        String ref = reference.strip();
        int at = ref.indexOf('@');
        if (at >= 0) {
            ref = ref.substring(0, at);
        }
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        if (colon > slash) {
            ref = ref.substring(0, colon);
        }
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
