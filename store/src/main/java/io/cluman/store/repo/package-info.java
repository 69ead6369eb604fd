/**
 * Typed repositories over the {@link io.cluman.store.KvStore}: JSON values of the model records under
 * {@code /cluman/}, compare-and-swap updates on the mod revision, and the key space in one place.
 */
package io.cluman.store.repo;
