/** API tokens made by admins: create (value shown once), list, revoke. */
package io.cluman.server.tokens;
