/** What agents and the server say to each other: join and heartbeat messages. */
package io.cluman.model.agent;
