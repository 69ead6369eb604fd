package io.cluman.server.leader;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts every controller when this server is elected and closes them, in reverse, when it is deposed. */
public final class LeaderControllers implements Leadership.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderControllers.class);

    private final List<Controller> controllers;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean running;

    public LeaderControllers(List<Controller> controllers) {
        this.controllers = List.copyOf(controllers);
    }

    @Override
    public void elected() {
        lock.lock();
        try {
            if (!running) {
                LOG.info("this server leads: starting {} controllers", controllers.size());
                controllers.forEach(Controller::start);
                running = true;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void deposed() {
        lock.lock();
        try {
            if (running) {
                LOG.info("this server no longer leads: stopping controllers");
                controllers.reversed().forEach(Controller::close);
                running = false;
            }
        } finally {
            lock.unlock();
        }
    }
}
