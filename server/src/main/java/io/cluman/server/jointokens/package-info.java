/**
 * Join tokens: what an admin hands to a new node so it may join. Each has an id, an optional expiry and
 * use limit, can be revoked, and only its SHA-256 is stored. The value pins the cluster CA
 * ({@code CLJ1-<pin>-<secret>}, see docs/adr/0006-cluster-ca.md). Apart from the API tokens of
 * {@code io.cluman.server.tokens}: a join token grants joining, not an API role.
 */
package io.cluman.server.jointokens;
