package io.mediamonitor.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RunnableFuture;
import java.util.function.IntFunction;

/**
 * Runs {@code count} pieces of work, handing each over as it completes, with at most {@code width} of them started
 * and not yet handed over: what a round's finished fetches hold in memory waits for the round to take it, so a
 * round over thousands of feeds keeps a bounded number of them, and one slow feed does not stop the others.
 *
 * <p>Used by one thread, the one that calls {@link #next()}.
 *
 * @param <T> what a piece of work returns
 */
final class CompletionWindow<T> {

    /**
     * A piece of work done: its index among the {@code count}, and its future (its value, its failure, or cancelled,
     * now or at once).
     */
    record Done<T>(int index, Future<T> future) {}

    /**
     * Starts a piece of work's task on some thread. It must run the task or cancel it (as a stop does with tasks
     * it drops before they ran): the window waits for each task it started to be done.
     */
    @FunctionalInterface
    interface Start<T> {
        void start(int index, RunnableFuture<T> task);
    }

    private final int count;
    private final int width;
    private final IntFunction<Callable<T>> work;
    private final Start<T> start;
    private final List<Future<T>> started;
    private final BlockingQueue<Integer> completed = new LinkedBlockingQueue<>();
    private int handedOver;

    /** @param work the piece of work of an index */
    CompletionWindow(int count, int width, IntFunction<Callable<T>> work, Start<T> start) {
        if (count < 0 || width < 1) {
            throw new IllegalArgumentException("count must be at least 0 and width at least 1, not " + count + " and "
                    + width);
        }
        this.count = count;
        this.width = width;
        this.work = work;
        this.start = start;
        this.started = new ArrayList<>(count);
    }

    boolean hasNext() {
        return handedOver < count;
    }

    /**
     * The next piece of work to complete. The one handed over is replaced at once, so the width keeps working while
     * the caller deals with it (a round publishing a part of what it fetched).
     */
    Done<T> next() throws InterruptedException {
        if (!hasNext()) {
            throw new IllegalStateException("all " + count + " pieces of work were handed over");
        }
        startWhatTheWidthLets();
        int index = completed.take();
        Future<T> future = started.get(index);
        started.set(index, null); // the caller holds it now, no longer this window
        handedOver++;
        startWhatTheWidthLets();
        return new Done<>(index, future);
    }

    private void startWhatTheWidthLets() {
        while (started.size() < count && started.size() - handedOver < width) {
            int index = started.size();
            // done when it ran, failed or was cancelled: a task dropped unrun is handed over too, not waited for
            FutureTask<T> task = new FutureTask<>(work.apply(index)) {
                @Override
                protected void done() {
                    completed.add(index);
                }
            };
            started.add(task);
            start.start(index, task);
        }
    }
}
