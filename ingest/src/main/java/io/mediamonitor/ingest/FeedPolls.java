package io.mediamonitor.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who polls, and when: a pool of workers, never two polls of one feed at a time, and a clock that first runs a
 * round of every feed together, then starts every feed whose next poll is due. What a poll and a round do is the
 * caller's ({@link Poll}, {@link Round}).
 */
final class FeedPolls {

    /** One poll of one feed, started at {@code now}. */
    @FunctionalInterface
    interface Poll {
        FeedReport run(FeedState feed, Instant now) throws InterruptedException;
    }

    /** Every feed polled at once, on the clock's thread before its first tick. */
    @FunctionalInterface
    interface Round {
        void run(Collection<FeedState> feeds, Instant now) throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(FeedPolls.class);
    private static final long TICK_MS = 250;

    private final Poll poll;
    private final ExecutorService workers;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private Thread clock;
    private volatile boolean running;

    FeedPolls(int threads, Poll poll) {
        this.poll = poll;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ingest-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Polls the feed now, unless a poll of it is running: then null. */
    Future<FeedReport> pollNow(FeedState feed, Instant now) {
        if (!claim(feed)) {
            return null;
        }
        return submit(feed, () -> {
            try {
                return poll.run(feed, now);
            } finally {
                release(feed);
            }
        });
    }

    /** Marks the feed as being polled, unless it already is: then false. */
    boolean claim(FeedState feed) {
        return inFlight.add(feed.url);
    }

    void release(FeedState feed) {
        inFlight.remove(feed.url);
    }

    /** Runs part of a poll of a feed the caller {@linkplain #claim claimed} on a worker. */
    <T> Future<T> submit(FeedState feed, Callable<T> work) {
        return workers.submit(logged(feed, work));
    }

    /** Part of a poll of a feed, logging a failure its future will carry that no poll expects. */
    <T> Callable<T> logged(FeedState feed, Callable<T> work) {
        return () -> {
            try {
                return work.call();
            } catch (RuntimeException | Error e) {
                log.error("Polling {} failed unexpectedly", feed.url, e);
                throw e;
            }
        };
    }

    /** Runs a task on a worker, which the stop cancels if it drops it before it ran ({@link #close}). */
    void execute(RunnableFuture<?> task) {
        workers.execute(task);
    }

    /** Whether a poll of the feed is running. */
    boolean polling(String url) {
        return inFlight.contains(url);
    }

    /**
     * Runs {@code first} on every feed owned now, then starts, every tick until {@link #close}, the polls that are
     * due among {@code owned}'s feeds.
     */
    synchronized void startClock(Supplier<Collection<FeedState>> owned, Round first) {
        if (running) {
            return;
        }
        running = true;
        clock = new Thread(() -> {
            try {
                first.run(owned.get(), Instant.now());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                if (e instanceof RuntimeException && !running) {
                    // the stop interrupted a send or closed the producer under it: not a failure to report
                    log.info("Ingest's first round ended by the stop ({})", e.toString());
                    return;
                }
                log.error("Ingest's first round failed; polling each feed on its own", e);
            }
            tick(owned);
        }, "ingest-scheduler");
        clock.setDaemon(true);
        clock.start();
    }

    private void tick(Supplier<Collection<FeedState>> owned) {
        while (running) {
            try {
                Instant now = Instant.now();
                for (FeedState feed : owned.get()) {
                    if (feed.due(now)) {
                        pollNow(feed, now); // null when the last poll of the feed is still running: next tick
                    }
                }
            } catch (RuntimeException | Error e) {
                // the clock must outlive whatever one tick met (an Error ended it silently: no feed polled again)
                log.error("Ingest scheduler error", e);
            }
            try {
                Thread.sleep(TICK_MS); // after a failed tick too: a failure that repeats does not spin
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops the clock and lets the polls in progress finish, for up to {@code grace}. */
    synchronized void close(Duration grace) {
        running = false;
        if (clock != null) {
            clock.interrupt();
            try {
                clock.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            clock = null;
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                stopWorkersNow();
            }
        } catch (InterruptedException e) {
            stopWorkersNow();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Interrupts the polls running and cancels those not started: whoever waits for one (a round taking its
     * fetches, a caller of {@link #pollNow}) gets it cancelled instead of waiting for ever.
     */
    private void stopWorkersNow() {
        for (Runnable dropped : workers.shutdownNow()) {
            if (dropped instanceof Future<?> task) {
                task.cancel(false);
            }
        }
    }
}
