package io.mediamonitor.app.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a long-running command alive until Ctrl-C (SIGINT/SIGTERM), then closes what it started
 * in reverse order: jobs before the broker they talk to.
 */
public final class Lifecycle {

    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    public <T extends AutoCloseable> T manage(T resource) {
        resources.push(resource);
        return resource;
    }

    /** Blocks until the JVM is asked to stop, then closes everything managed. */
    public void awaitShutdownSignal() {
        Thread hook = new Thread(() -> {
            stopped.countDown();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "media-monitor-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeAll();
    }

    /** Stops a command waiting in {@link #awaitShutdownSignal()}, as Ctrl-C would. */
    public void requestStop() {
        stopped.countDown();
    }

    public void closeAll() {
        log.info("Shutting down");
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Error while closing {}: {}", resource, e.getMessage());
            }
        }
        closed.countDown();
    }
}
