package io.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompletionWindowTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Test
    void aSlowPieceHoldsUpNoOtherAndNeverMoreThanTheWidthAreStartedAndNotTaken() throws Exception {
        CountDownLatch slowMayEnd = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        CompletionWindow<Integer> window = new CompletionWindow<>(50, 3, i -> () -> {
            if (i == 0) {
                assertThat(slowMayEnd.await(30, TimeUnit.SECONDS)).as("the slow piece released").isTrue();
            }
            return i * 10;
        }, (i, task) -> {
            started.incrementAndGet();
            workers.execute(task);
        });

        List<Integer> order = new ArrayList<>();
        int taken = 0;
        while (window.hasNext()) {
            if (taken == 49) {
                slowMayEnd.countDown(); // every other piece was taken while the first one was still running
            }
            CompletionWindow.Done<Integer> done = window.next();
            taken++;
            // the one taken is replaced at once: the width keeps working while the caller deals with it
            assertThat(started.get() - taken).as("started and not taken, after %d taken", taken)
                    .isEqualTo(Math.min(3, 50 - taken));
            assertThat(done.future().get(30, TimeUnit.SECONDS)).isEqualTo(done.index() * 10);
            order.add(done.index());
        }

        assertThat(order).hasSize(50).doesNotHaveDuplicates().last().isEqualTo(0);
        assertThat(started.get()).isEqualTo(50);
    }

    @Test
    void aFailedPieceIsHandedOverWithItsFailureLikeTheOthers() throws Exception {
        CompletionWindow<String> window = new CompletionWindow<>(3, 2, i -> () -> {
            if (i == 1) {
                throw new IllegalStateException("piece 1 failed");
            }
            return "piece " + i;
        }, (i, task) -> workers.execute(task));

        List<String> outcomes = new ArrayList<>();
        while (window.hasNext()) {
            CompletionWindow.Done<String> done = window.next();
            try {
                outcomes.add(done.future().get(30, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                outcomes.add(done.index() + ": " + e.getCause().getMessage());
            }
        }

        assertThat(outcomes).containsExactlyInAnyOrder("piece 0", "1: piece 1 failed", "piece 2");
    }

    @Test
    void aTaskCancelledInsteadOfRunIsHandedOverCancelledNotWaitedFor() {
        // what a stop does with the tasks it drops before they ran (FeedPolls.close)
        CompletionWindow<String> window = new CompletionWindow<>(3, 3, i -> () -> "piece " + i, (i, task) -> {
            if (i == 1) {
                task.cancel(false);
            } else {
                workers.execute(task);
            }
        });

        List<String> outcomes = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            List<String> taken = new ArrayList<>();
            while (window.hasNext()) {
                CompletionWindow.Done<String> done = window.next();
                taken.add(done.future().isCancelled() ? done.index() + ": cancelled"
                        : done.future().get(30, TimeUnit.SECONDS));
            }
            return taken;
        }, "the window waited for a task that never runs");

        assertThat(outcomes).containsExactlyInAnyOrder("piece 0", "1: cancelled", "piece 2");
    }

    @Test
    void nothingToRunIsDoneAtOnceAndAskingForMoreIsAnError() {
        CompletionWindow<String> window = new CompletionWindow<>(0, 2, i -> () -> "never",
                (i, task) -> workers.execute(task));

        assertThat(window.hasNext()).isFalse();
        assertThatThrownBy(window::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("all 0 pieces of work were handed over");
        assertThatThrownBy(() -> new CompletionWindow<String>(1, 0, i -> () -> "x", (i, task) -> workers.execute(task)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width at least 1");
    }
}
