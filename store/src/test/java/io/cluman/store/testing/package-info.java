/**
 * Test fixtures of the store, shipped in its test-jar for other modules: a real etcd server started
 * from the Debian {@code etcd-server} binary ({@link io.cluman.store.testing.EtcdProcess}).
 */
package io.cluman.store.testing;
