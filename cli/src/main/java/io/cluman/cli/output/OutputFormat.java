package io.cluman.cli.output;

/** How a command prints its result: a human table ({@code -o table}) or JSON ({@code -o json}). */
public enum OutputFormat {
    TABLE, JSON
}
