/** {@code cluman check}: cluster checks, where each runs, and their last results. */
package io.cluman.cli.check;
