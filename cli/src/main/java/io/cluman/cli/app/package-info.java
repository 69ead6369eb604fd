/** {@code cluman app}: deploy a compose file as an application, list, show, stop, start and remove it. */
package io.cluman.cli.app;
