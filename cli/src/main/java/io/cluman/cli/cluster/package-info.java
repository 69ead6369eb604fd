/** {@code cluman cluster ...}: node groups, their selectors and explicit members. */
package io.cluman.cli.cluster;
