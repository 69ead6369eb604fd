/**
 * Tests across processes: a real server, agents as separate JVMs killed with SIGKILL, the embedded
 * store and a real etcd started from Debian's etcd-server.
 */
package io.cluman.it;
