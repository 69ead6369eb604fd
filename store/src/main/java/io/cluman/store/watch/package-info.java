/**
 * Delivery of watch events to listeners, shared by the store backends: a queue and a virtual thread
 * per watch, so a slow listener never holds up the writer that produced the events.
 */
package io.cluman.store.watch;
