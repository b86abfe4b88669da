package io.mediamonitor.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void aJobThatStopsForGoodEndsTheCommandWithAFailureAfterClosingEverything() throws Exception {
        Lifecycle lifecycle = new Lifecycle();
        List<String> closed = new ArrayList<>();
        lifecycle.manage(() -> closed.add("broker"));
        lifecycle.manage(() -> closed.add("enrich"));
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            lifecycle.awaitShutdownSignal();
            return lifecycle.failed();
        });

        lifecycle.fail("enrich stopped for good");

        assertThat(waiting.get(10, TimeUnit.SECONDS)).as("failed").isTrue();
        assertThat(closed).containsExactly("enrich", "broker");
    }

    @Test
    void aStopAskedForIsNoFailure() throws Exception {
        Lifecycle lifecycle = new Lifecycle();
        lifecycle.requestStop();
        lifecycle.awaitShutdownSignal();
        assertThat(lifecycle.failed()).isFalse();
    }
}
