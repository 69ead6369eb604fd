/** Jobs: long operations with progress, such as commissioning a batch of nodes. */
package io.cluman.model.job;
