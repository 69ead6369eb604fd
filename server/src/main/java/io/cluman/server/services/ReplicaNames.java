package io.cluman.server.services;

import java.util.Set;
import java.util.random.RandomGenerator;

/** Names replicas {@code <service>-<k>}: k is five random characters, none taken by another container. */
final class ReplicaNames {
    static final int SUFFIX_LENGTH = 5;
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final RandomGenerator random;

    ReplicaNames(RandomGenerator random) {
        this.random = random;
    }

    /** A name for a new replica of {@code service} that is not in {@code taken}. */
    String next(String service, Set<String> taken) {
        while (true) {
            StringBuilder name = new StringBuilder(service.length() + 1 + SUFFIX_LENGTH).append(service).append('-');
            for (int i = 0; i < SUFFIX_LENGTH; i++) {
                name.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            if (!taken.contains(name.toString())) {
                return name.toString();
            }
        }
    }
}
