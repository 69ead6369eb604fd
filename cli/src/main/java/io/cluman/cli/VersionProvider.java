package io.cluman.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code cluman --version}: the jar's Implementation-Version ({@code dev} when run from classes). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "cluman " + (version == null ? "dev" : version),
            "java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"
        };
    }
}
