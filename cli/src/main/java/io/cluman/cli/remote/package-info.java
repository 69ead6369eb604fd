/**
 * Talking to a server from a command: the global options ({@code --addr}, {@code --token},
 * {@code --data}, {@code -o}), where the token comes from, and the base class of every client command.
 */
package io.cluman.cli.remote;
