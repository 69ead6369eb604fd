package io.cluman.server.compose;

/** Paths into a compose file as errors and warnings name them: {@code services.web.ports[0]}. */
final class Paths {
    private Paths() {
    }

    /** {@code parent.key}, or {@code key} at the top. */
    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** {@code parent[index]}. */
    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
