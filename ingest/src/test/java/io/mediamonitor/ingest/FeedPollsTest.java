package io.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mediamonitor.ingest.schedule.PollPlanner;
import io.mediamonitor.model.Feed;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FeedPollsTest {

    private final FeedState feed = new FeedState(Feed.newBuilder().setUrl("https://example.org/rss").setName("Example")
            .build(), null, new PollPlanner(Duration.ofMinutes(1), Duration.ofHours(6), () -> 0.5));

    @Test
    void theClockOutlivesAnErrorInTheFirstRoundAndInItsTicks() throws Exception {
        CountDownLatch polled = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        FeedPolls polls = new FeedPolls(1, (state, now) -> {
            polled.countDown();
            return null;
        });
        try {
            polls.startClock(() -> owned(calls.incrementAndGet()), (feeds, now) -> {
                throw new StackOverflowError("a bug the first round met");
            });

            assertThat(polled.await(10, TimeUnit.SECONDS)).as("the feed polled on a tick after the errors").isTrue();
            assertThat(calls.get()).isGreaterThanOrEqualTo(4);
        } finally {
            polls.close(Duration.ofSeconds(1));
        }
    }

    @Test
    void aFirstRoundEndedByTheStopIsNoFailure() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(FeedPolls.class);
        logger.addAppender(logs);
        CountDownLatch roundStarted = new CountDownLatch(1);
        CountDownLatch roundEnded = new CountDownLatch(1);
        FeedPolls polls = new FeedPolls(1, (state, now) -> null);
        try {
            polls.startClock(() -> List.of(feed), (feeds, now) -> {
                roundStarted.countDown();
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    // what the Kafka producer's send throws when the stop interrupts it
                    throw new org.apache.kafka.common.errors.InterruptException(e);
                } finally {
                    roundEnded.countDown();
                }
            });
            assertThat(roundStarted.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            polls.close(Duration.ofSeconds(1));
            logger.detachAppender(logs);
        }

        assertThat(roundEnded.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(logs.list).filteredOn(event -> event.getLevel() == Level.ERROR).isEmpty();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(message -> message.startsWith("Ingest's first round ended by the stop"));
    }

    @Test
    void aStopWhoseGraceRunsOutCancelsThePollsItDropsBeforeTheyRanSoNoOneWaitsForThem() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        FeedPolls polls = new FeedPolls(1, (state, now) -> null);
        Future<String> slow = polls.submit(feed, () -> {
            running.countDown();
            Thread.sleep(30_000); // a fetch the grace does not wait for
            return "slow";
        });
        FutureTask<String> queued = new FutureTask<>(() -> "never run");
        polls.execute(queued); // behind the slow one on the only worker
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        polls.close(Duration.ofMillis(200));

        assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS)).as("cancelled, not left to wait for")
                .isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> slow.get(10, TimeUnit.SECONDS)).as("interrupted")
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(InterruptedException.class);
    }

    /** The first round's feeds, then two ticks that meet an Error, then the feed. */
    private Collection<FeedState> owned(int call) {
        if (call == 2 || call == 3) {
            throw new StackOverflowError("a bug tick " + (call - 1) + " met");
        }
        return List.of(feed);
    }
}
