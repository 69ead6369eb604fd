/**
 * Which drivers a node has and whether their engines answer. A {@link io.cluman.agent.driver.DriverProbe}
 * checks one driver cheaply; {@link io.cluman.agent.driver.DriverSet} detects the available drivers once
 * at start and re-checks their health on every heartbeat. A detected driver stays listed even when its
 * engine stops answering: its health then says why.
 */
package io.cluman.agent.driver;
