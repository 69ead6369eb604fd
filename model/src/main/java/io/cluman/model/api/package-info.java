/** The bodies of the REST API: requests people send and the views the server returns. */
package io.cluman.model.api;
