package io.cluman.cli.process;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps a process command running until SIGINT/SIGTERM. A shutdown hook closes the wired components
 * in the order given (an agent before its server), reporting but not stopping on a failing close.
 */
final class Lifetime {
    private Lifetime() {
    }

    /** Registers the hook, then blocks this thread; the JVM ends once the hook has run. */
    static void runUntilStopped(PrintWriter err, List<AutoCloseable> closeInOrder) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(err, closeInOrder), "cluman-shutdown"));
        new CountDownLatch(1).await();
    }

    /** Closes each component, reporting failures; used by the hook and when starting fails halfway. */
    static void close(PrintWriter err, List<AutoCloseable> closeInOrder) {
        err.println("stopping...");
        err.flush();
        for (AutoCloseable component : closeInOrder) {
            try {
                component.close();
            } catch (Exception e) {
                err.println("error while stopping " + component.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        err.println("stopped");
        err.flush();
    }
}
