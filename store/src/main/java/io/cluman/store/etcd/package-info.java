/**
 * The etcd store backend: the {@link io.cluman.store.KvStore} SPI mapped onto an etcd v3 cluster with
 * jetcd, for deployments with several servers that must share one state.
 */
package io.cluman.store.etcd;
