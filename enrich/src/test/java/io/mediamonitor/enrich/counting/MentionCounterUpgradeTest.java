package io.mediamonitor.enrich.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.kafka.StateStoreType;
import io.mediamonitor.model.MentionCount;
import io.mediamonitor.model.state.MentionEvent;
import io.mediamonitor.schema.Terms;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mentions in flight when a job from before mentions carried their windows' volumes is upgraded: that job sent
 * the whole volume to every partition, and only partition 0's task counts it; its term mentions carry no volume.
 */
class MentionCounterUpgradeTest {

    private static final Instant AT = Instant.parse("2024-11-20T10:05:00Z");
    private static final WindowGrid GRID = WindowGrid.of(Duration.ofHours(1), Duration.ofMinutes(10));

    private final MentionStores layout = new MentionStores(GRID, Duration.ofHours(48), Duration.ofHours(48),
            Duration.ofDays(7), StateStoreType.IN_MEMORY);

    @TempDir
    File stateDir;
    private MentionCounter counter;

    @Test
    void theWholeVolumesCopyOnAnotherPartitionIsNotCountedTwice() {
        MockProcessorContext<String, MentionCount> second = started(1);
        second.setCurrentStreamTimeMs(AT.toEpochMilli());
        counter.process(new Record<>(Terms.TOTAL, mention("a1").setNewStoryWindows(0b111111).build(),
                AT.toEpochMilli()));

        assertThat(emitted(second)).isEmpty();

        MockProcessorContext<String, MentionCount> first = started(0);
        first.setCurrentStreamTimeMs(AT.toEpochMilli());
        counter.process(new Record<>(Terms.TOTAL, mention("a1").setNewStoryWindows(0b111111).build(),
                AT.toEpochMilli()));

        assertThat(emitted(first)).hasSize(6).allSatisfy(total -> {
            assertThat(total.getStories()).isEqualTo(1);
            assertThat(total.getWindowStories()).isEqualTo(1);
        });
    }

    @Test
    void aTermsMentionWithoutVolumesIsCountedAndItsCountCarriesNone() {
        MockProcessorContext<String, MentionCount> context = started(1);
        context.setCurrentStreamTimeMs(AT.toEpochMilli());
        counter.process(new Record<>("country:ML", mention("a1").build(), AT.toEpochMilli()));

        assertThat(emitted(context)).hasSize(6).allSatisfy(count -> {
            assertThat(count.getStories()).isEqualTo(1);
            assertThat(count.getWindowStories()).as("the detectors read the window's total instead").isZero();
        });
    }

    private MockProcessorContext<String, MentionCount> started(int partition) {
        MockProcessorContext<String, MentionCount> context = new MockProcessorContext<>(new Properties(),
                new TaskId(1, partition), stateDir);
        for (var builder : layout.builders()) {
            StateStore store = builder.withCachingDisabled().withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
        counter = new MentionCounter(layout, Duration.ofSeconds(1));
        counter.init(context);
        return context;
    }

    private static MentionEvent.Builder mention(String articleId) {
        return MentionEvent.newBuilder().setArticleId(articleId).setStoryId(articleId).setSource("RFI")
                .setPublishedAt(AT);
    }

    /** Ticks the emitter: the counts it forwards. */
    private static List<MentionCount> emitted(MockProcessorContext<String, MentionCount> context) {
        context.resetForwards();
        context.scheduledPunctuators().stream()
                .filter(p -> p.getType() == PunctuationType.WALL_CLOCK_TIME)
                .findFirst().orElseThrow()
                .getPunctuator().punctuate(AT.toEpochMilli());
        return context.forwarded().stream().<MentionCount>map(forwarded -> forwarded.record().value()).toList();
    }
}
