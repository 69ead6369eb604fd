/** {@code cluman token}: make (value printed once), list and revoke API tokens with roles admin, operator, viewer. */
package io.cluman.cli.token;
