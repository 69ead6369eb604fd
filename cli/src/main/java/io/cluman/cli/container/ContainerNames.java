package io.cluman.cli.container;

import io.cluman.model.validation.Validator;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Default container names: the image's or program's base name made a DNS label, plus a short random
 * suffix, e.g. {@code nginx-k3x9q} for {@code docker.io/library/nginx:1.27}, {@code sleep-0b2mz} for
 * {@code /bin/sleep}.
 */
final class ContainerNames {
    static final int SUFFIX_LENGTH = 5;
    private static final int MAX_LABEL = 63;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final RandomGenerator RANDOM = new SecureRandom();

    private ContainerNames() {
    }

    static String derive(String imageOrProgram) {
        return derive(imageOrProgram, RANDOM);
    }

    static String derive(String imageOrProgram, RandomGenerator random) {
        StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String name = base(imageOrProgram) + "-" + suffix;
        if (!Validator.isDnsLabel(name)) {
            throw new IllegalStateException("derived name '" + name + "' is not a DNS label");
        }
        return name;
    }

    /** {@code ghcr.io/acme/My_App:2@sha256:...} becomes {@code my-app}; nothing usable becomes {@code container}. */
    static String base(String imageOrProgram) {
        String text = imageOrProgram == null ? "" : imageOrProgram.strip();
        int digest = text.indexOf('@');
        if (digest >= 0) {
            text = text.substring(0, digest);
        }
        while (text.endsWith("/") || text.endsWith("\\")) {
            text = text.substring(0, text.length() - 1);
        }
        text = text.substring(Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\')) + 1);
        int tag = text.indexOf(':');
        if (tag >= 0) {
            text = text.substring(0, tag);
        }
        String label = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        int max = MAX_LABEL - 1 - SUFFIX_LENGTH;
        if (label.length() > max) {
            label = label.substring(0, max).replaceAll("-+$", "");
        }
        return label.isEmpty() ? "container" : label;
    }
}
