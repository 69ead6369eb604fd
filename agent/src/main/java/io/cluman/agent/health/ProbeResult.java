package io.cluman.agent.health;

/**
 * The outcome of one check.
 *
 * @param output what the check said: a command's output, the HTTP status, the connect error
 */
public record ProbeResult(boolean passed, String output) {
    public ProbeResult {
        output = output == null ? "" : output;
    }

    static ProbeResult pass() {
        return new ProbeResult(true, "");
    }

    static ProbeResult fail(String output) {
        return new ProbeResult(false, output);
    }
}
