/**
 * {@code cluman token}: make (value printed once), list and revoke API tokens with roles admin, operator, viewer;
 * {@code cluman token join}: the same for the join tokens of new nodes.
 */
package io.cluman.cli.token;
