/**
 * {@code cluman job ...}: long operations, and how every {@code --wait} follows one: {@link
 * io.cluman.cli.job.JobWatcher} polls a job and draws its {@link io.cluman.cli.job.ProgressBar} on a
 * {@link io.cluman.cli.job.ProgressLine} (stderr), and the wait ends with one {@link
 * io.cluman.cli.job.Summary} line on stdout. Waits that follow no job ({@code app deploy}) use the same three.
 */
package io.cluman.cli.job;
