/** {@code cluman events}: recent events, and following the live stream across reconnects. */
package io.cluman.cli.events;
