package io.cluman.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the {@code docker} CLI against one engine ({@code DOCKER_HOST}), as the benchmarks' baselines do. */
public final class DockerCli {
    private final String dockerHost;

    public DockerCli(String dockerHost) {
        this.dockerHost = dockerHost;
    }

    /** Runs {@code docker ARGS...}; its output, or an IOException with it when the command fails. */
    public String run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DOCKER_HOST", dockerHost);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(command + " failed: " + out);
        }
        return out;
    }
}
