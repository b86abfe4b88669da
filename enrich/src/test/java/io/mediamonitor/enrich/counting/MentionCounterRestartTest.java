package io.mediamonitor.enrich.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.kafka.StateStoreType;
import io.mediamonitor.model.MentionCount;
import io.mediamonitor.model.state.MentionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A window's new sources reach its names when it is emitted, from memory; a task that stops in between (its
 * counts committed, their emission not) takes over with the same stores and a fresh counter: the names it emits
 * still hold every source, each once.
 */
class MentionCounterRestartTest {

    private static final Instant AT = Instant.parse("2024-11-20T10:05:00Z");
    private static final long WINDOW = WindowGrid.of(Duration.ofHours(1), Duration.ofMinutes(10))
            .slotOf(AT.toEpochMilli());

    private final MentionStores layout = new MentionStores(WindowGrid.of(Duration.ofHours(1), Duration.ofMinutes(10)),
            Duration.ofHours(48), Duration.ofHours(48), Duration.ofDays(7), StateStoreType.IN_MEMORY);
    private MockProcessorContext<String, MentionCount> context;

    @BeforeEach
    void stores() {
        context = new MockProcessorContext<>();
        for (var builder : layout.builders()) {
            // the record cache needs a stream thread's cache: the stores below it are what a restart keeps
            StateStore store = builder.withCachingDisabled().withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
    }

    @Test
    void sourcesCountedButNotYetEmittedReachTheNamesAfterARestart() {
        MentionCounter before = started();
        count(before, "a1", "RFI");
        count(before, "a2", "Le Monde");

        MentionCounter after = started();
        assertThat(namesEmitted()).containsExactly("Le Monde", "RFI");
    }

    @Test
    void namesAlreadyWrittenAreNotAddedTwiceAndOnlyTheMissingOnesAre() {
        MentionCounter before = started();
        count(before, "a1", "RFI");
        count(before, "a2", "Le Monde");
        assertThat(namesEmitted()).containsExactly("Le Monde", "RFI");
        count(before, "a3", "Jeune Afrique");
        count(before, "a4", "RFI");

        MentionCounter after = started();
        List<String> names = namesEmitted();
        assertThat(names).containsExactly("Jeune Afrique", "Le Monde", "RFI");
        // and from now on, from memory again
        count(after, "a5", "AFP");
        assertThat(namesEmitted()).containsExactly("AFP", "Jeune Afrique", "Le Monde", "RFI");
    }

    @Test
    void aCounterInitializedAgainForgetsTheWatermarkOfTheAttemptBefore() {
        // Streams revives a task after a dirty close (a commit that timed out, a corrupted task) with the same
        // processors: init runs again, and the mentions of the aborted transaction come again with the watermarks
        // they carried then. Judged by the aborted attempt's watermark, 60 h on, AT's windows would be past the
        // 48 h lateness and the mention dropped.
        MentionCounter counter = started();
        Instant later = AT.plus(Duration.ofHours(60));
        count(counter, "sn", "b1", "AFP", later, later);

        context.resetForwards();
        counter.init(context);
        count(counter, "ml", "a1", "RFI", AT, AT);

        assertThat(namesEmitted()).containsExactly("RFI");
    }

    private MentionCounter started() {
        MentionCounter counter = new MentionCounter(layout, Duration.ofSeconds(1));
        context.resetForwards();
        counter.init(context);
        return counter;
    }

    private void count(MentionCounter counter, String articleId, String source) {
        count(counter, "ml", articleId, source, AT, null);
    }

    private void count(MentionCounter counter, String term, String articleId, String source, Instant at,
                       Instant watermark) {
        context.setCurrentStreamTimeMs(at.toEpochMilli());
        counter.process(new Record<>(term, MentionEvent.newBuilder()
                .setArticleId(articleId).setStoryId(articleId).setSource(source).setPublishedAt(at)
                .setWatermark(watermark).build(), at.toEpochMilli()));
    }

    /** Ticks the emitter of the counter started last: the names of its count of the article's newest window. */
    private List<String> namesEmitted() {
        context.resetForwards();
        context.scheduledPunctuators().stream()
                .filter(p -> p.getType() == PunctuationType.WALL_CLOCK_TIME)
                .reduce((first, second) -> second)
                .orElseThrow()
                .getPunctuator().punctuate(AT.toEpochMilli());
        List<MentionCount> newest = context.forwarded().stream()
                .map(forwarded -> forwarded.record().value())
                .filter(count -> count.getWindowStart().toEpochMilli() == WINDOW * Duration.ofMinutes(10).toMillis())
                .collect(Collectors.toList());
        assertThat(newest).as("the newest window's count").hasSize(1);
        assertThat(newest.get(0).getSources()).isEqualTo(newest.get(0).getSourceNames().size());
        return newest.get(0).getSourceNames();
    }
}
