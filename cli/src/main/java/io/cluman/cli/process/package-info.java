/**
 * The commands that run Cluman itself rather than talk to it: {@code server}, {@code agent}, and
 * {@code dev} (both in one process). Each wires its process, prints where to reach it, and runs
 * until SIGINT/SIGTERM, when a shutdown hook closes the wiring.
 */
package io.cluman.cli.process;
