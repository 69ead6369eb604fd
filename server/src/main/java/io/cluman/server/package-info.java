/**
 * The Cluman server: its configuration and the one wiring class that builds the process with
 * {@code new}. Handlers live in {@code api}, controllers (leader only) in one package per concern.
 */
package io.cluman.server;
