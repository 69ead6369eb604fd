package io.cluman.agent.host;

/** The agent's version: {@code Implementation-Version} of the jar holding the agent, or {@code dev}. */
public final class AgentVersion {
    private AgentVersion() {
    }

    public static String current() {
        String version = AgentVersion.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }
}
