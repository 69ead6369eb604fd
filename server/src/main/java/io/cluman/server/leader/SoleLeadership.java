package io.cluman.server.leader;

/** The leadership of a server that is alone (embedded store): it leads from start to close. */
public final class SoleLeadership implements Leadership {
    private final String serverId;
    private volatile Listener listener;

    public SoleLeadership(String serverId) {
        this.serverId = serverId;
    }

    @Override
    public void start(Listener newListener) {
        this.listener = newListener;
        newListener.elected();
    }

    @Override
    public boolean isLeader() {
        return listener != null;
    }

    @Override
    public String leaderId() {
        return serverId;
    }

    @Override
    public void close() {
        Listener l = listener;
        listener = null;
        if (l != null) {
            l.deposed();
        }
    }
}
