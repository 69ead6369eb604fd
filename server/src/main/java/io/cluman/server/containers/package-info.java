/**
 * Containers on the server side: turning requests into specs, choosing a node, the allocation records
 * agents converge to (served by a blocking query), and the status agents report back.
 */
package io.cluman.server.containers;
