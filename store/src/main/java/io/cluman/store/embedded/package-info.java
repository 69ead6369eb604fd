/**
 * The embedded store backend: etcd's revision, watch and lease model kept in memory and made durable
 * in one local directory by an fsync'd, group-committed log plus periodic snapshots.
 *
 * <p>Entry point: {@link io.cluman.store.embedded.EmbeddedKvStore}. The rest is its parts: the pure
 * state ({@code Keyspace}), the log ({@code LogWriter}, {@code LogSegment}, {@code RecordCodec}),
 * snapshots and recovery, the watch history ({@code WatchHub}) and lease deadlines.
 */
package io.cluman.store.embedded;
