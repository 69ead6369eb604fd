/** Replicated services: a container template kept at a count of replicas spread over nodes. */
package io.cluman.model.service;
