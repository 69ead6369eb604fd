/** {@code cluman node ...}: list, show, label, lifecycle operations and batches of nodes. */
package io.cluman.cli.node;
