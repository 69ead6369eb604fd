package io.cluman.agent.driver;

import io.cluman.model.node.DriverHealth;

/** The {@code process} driver runs plain processes of the agent's OS: always there, always healthy. */
public final class ProcessProbe implements DriverProbe {
    public static final String NAME = "process";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverHealth health() {
        return new DriverHealth(true, "");
    }
}
