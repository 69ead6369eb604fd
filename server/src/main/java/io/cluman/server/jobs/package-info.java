/**
 * Jobs: long operations with progress. Handlers submit them PENDING; the leader's job controller runs
 * them step by step, recording progress in the store after every step so a new leader resumes them.
 */
package io.cluman.server.jobs;
