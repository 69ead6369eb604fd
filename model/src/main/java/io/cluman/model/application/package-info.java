/** Compose applications: services deployed together from one compose file, started in dependency order. */
package io.cluman.model.application;
