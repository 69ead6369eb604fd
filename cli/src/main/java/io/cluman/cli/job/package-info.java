/**
 * {@code cluman job ...}: long operations, and {@link io.cluman.cli.job.JobWatcher}, which every
 * {@code --wait} uses to follow a job to its end with a progress bar on stderr.
 */
package io.cluman.cli.job;
