package io.cluman.server.nodes;

import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** Short random ids such as {@code n-k3v9x2m1qa}: a letter of the kind, a dash, ten base-32 characters. */
public final class Ids {
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final Pattern NODE_ID = Pattern.compile("n-[a-z0-9]{10}");

    private final RandomGenerator random;

    public Ids(RandomGenerator random) {
        this.random = random;
    }

    public String next(char kind) {
        StringBuilder id = new StringBuilder(12).append(kind).append('-');
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    public static boolean isNodeId(String id) {
        return id != null && NODE_ID.matcher(id).matches();
    }
}
