// Bus names of the event topics the pages listen to (see /v1/events).
export const NODE = 'bus.cluman.node';
export const CONTAINERS = 'bus.cluman.log.docker';
export const SERVICE = 'bus.cluman.service';
export const JOB = 'bus.cluman.job';
export const APPLICATION = 'bus.cluman.log.application';
export const CLUSTER = 'bus.cluman.log.nodesGroup';
export const REGISTRY = 'bus.cluman.log.registry';
export const ERRORS = 'bus.cluman.errors';
export const CHECK = 'bus.cluman.check';
export const ALL = [NODE, 'bus.cluman.dockerservice', CONTAINERS, SERVICE, JOB, APPLICATION, CLUSTER, REGISTRY,
  ERRORS, CHECK, 'bus.cluman.alert', 'bus.cluman.audit'];
