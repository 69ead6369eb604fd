package io.cluman.store;

import java.util.List;

/** Receives the changes of a watch. Called on one thread at a time, in revision order. */
public interface WatchListener {
    /**
     * The changes of one revision, in the order the transaction applied them. An exception thrown here
     * is logged and does not end the watch.
     */
    void onEvents(List<WatchEvent> events);

    /**
     * The watch ended with an error (the store closed, the history was compacted, the listener fell too
     * far behind, ...). No call follows this one; re-read and watch again to resume.
     */
    default void onError(StoreException error) {
    }
}
