/** {@code cluman registry}: add, list and remove image registries (passwords read from stdin, never shown). */
package io.cluman.cli.registry;
