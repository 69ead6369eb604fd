/**
 * Placement constraints: what a node's label or attribute must look like ({@code zone=a}, {@code zone!=b},
 * {@code zone in (a,b)}, {@code hostname regexp ^web-\d+$}, {@code gpu exists}), and the parser that reads
 * them from text with errors that name the offending entry.
 */
package io.cluman.scheduler.constraint;
