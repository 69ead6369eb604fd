package io.cluman.server.leader;

/**
 * Decides whether this server leads. Calls {@link Listener#elected()} when it becomes leader and
 * {@link Listener#deposed()} when it stops being one, never both at once.
 */
public interface Leadership extends AutoCloseable {
    void start(Listener listener);

    boolean isLeader();

    /** The leading server's id, empty when none is known. */
    String leaderId();

    @Override
    void close();

    /** Told about changes of leadership. */
    interface Listener {
        void elected();

        void deposed();
    }
}
