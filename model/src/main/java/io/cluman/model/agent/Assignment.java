package io.cluman.model.agent;

import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DesiredState;

/** One allocation a node must converge to: run (or keep stopped) this spec, at this generation. */
public record Assignment(String allocId, String name, ContainerSpec spec, long generation, DesiredState desired) {
}
