/** {@code cluman service}: create, list, show, scale and remove replicated services. */
package io.cluman.cli.service;
