/**
 * Image registries: the stored record (password sealed, never in clear), and the pure rules that read
 * registry addresses and the registry part of image references.
 */
package io.cluman.model.registry;
