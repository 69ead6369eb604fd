/**
 * The state store SPI: a key-value store with etcd v3 semantics.
 *
 * <p>Every durable object of Cluman lives under {@code /cluman/} in a {@link io.cluman.store.KvStore}.
 * Two backends implement the SPI ({@code embedded} and {@code etcd}); both pass the same contract
 * test suite ({@code KvStoreContract}); {@link io.cluman.store.KvStores} opens the one a configuration
 * names. Typed repositories in {@code io.cluman.store.repo} turn raw bytes into model records.
 */
package io.cluman.store;
