/** {@code cluman metrics}: metrics history as small text plots. */
package io.cluman.cli.metrics;
