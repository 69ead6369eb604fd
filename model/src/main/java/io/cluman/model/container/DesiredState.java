package io.cluman.model.container;

/** What the owner of a container wants of it: running, or stopped but kept. Deleting removes the record. */
public enum DesiredState {
    RUNNING, STOPPED
}
