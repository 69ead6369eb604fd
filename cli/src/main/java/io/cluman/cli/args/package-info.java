/**
 * {@code k=v} arguments shared by several commands (labels, selectors, filters): parsed by a picocli
 * converter, so a malformed pair is a usage error (exit 2) that names the option it came with.
 */
package io.cluman.cli.args;
