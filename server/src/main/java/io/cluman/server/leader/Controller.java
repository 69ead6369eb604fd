package io.cluman.server.leader;

/** A control loop that runs only on the leader: started when this server is elected, closed when it is not. */
public interface Controller extends AutoCloseable {
    void start();

    @Override
    void close();
}
