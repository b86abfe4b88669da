package io.mediamonitor.app.jobs;

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
    private boolean closing;
    private volatile boolean failed;

    /** Registers the shutdown hook at once: Ctrl-C during a slow start still closes what started. */
    public Lifecycle() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            closeAll();
        }, "media-monitor-shutdown"));
    }

    public synchronized <T extends AutoCloseable> T manage(T resource) {
        resources.push(resource);
        return resource;
    }

    /** Blocks until the JVM is asked to stop (or {@link #requestStop()}), then closes everything managed. */
    public void awaitShutdownSignal() {
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

    /**
     * Stops a command waiting in {@link #awaitShutdownSignal()} because a job it runs stopped for good: the command
     * then exits 1, for a supervisor to restart it, rather than stay up doing nothing.
     */
    public void fail(String why) {
        log.error("{}; stopping", why);
        failed = true;
        stopped.countDown();
    }

    /** Whether {@link #fail} stopped the command. */
    public boolean failed() {
        return failed;
    }

    /** Closes everything managed, newest first; later calls wait for the first to finish. */
    public void closeAll() {
        boolean first;
        synchronized (this) {
            first = !closing;
            closing = true;
        }
        if (!first) {
            awaitClosed();
            return;
        }
        synchronized (this) {
            if (!resources.isEmpty()) {
                log.info("Shutting down");
            }
        }
        while (true) {
            AutoCloseable resource;
            synchronized (this) {
                if (resources.isEmpty()) {
                    break;
                }
                resource = resources.pop();
            }
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Error while closing {}: {}", resource, e.getMessage());
            }
        }
        closed.countDown();
    }

    private void awaitClosed() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
