/**
 * Events: publishing to the typed buses (persisted through the store, so every server sees them), the
 * in-memory feed that lists and streams them, and the retention that bounds their history.
 */
package io.cluman.server.events;
