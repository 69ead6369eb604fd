package io.cluman.server.compose;

/** What an environment variable's name may be: not empty, no '=', no blanks, no control characters. */
final class EnvironmentNames {
    private EnvironmentNames() {
    }

    static boolean isValid(String name) {
        return name != null && !name.isEmpty() && name.chars().noneMatch(c -> c == '=' || c <= ' ' || c == 0x7f);
    }
}
