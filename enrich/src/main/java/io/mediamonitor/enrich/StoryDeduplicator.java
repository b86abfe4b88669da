package io.mediamonitor.enrich;

import io.mediamonitor.enrich.counting.WindowGrid;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.state.StoryState;
import io.mediamonitor.schema.AvroSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Joins copies of one story: articles with the same normalized title and text within the horizon
 * get the id of the first as their story id, and the story accumulates its sources. Input is keyed
 * by {@link StoryFingerprint}; output is keyed by article id again, not yet tagged. Stories are kept
 * by the time of their first article, in a window store that drops them a segment at a time once no
 * copy can join them any more.
 */
final class StoryDeduplicator implements Processor<String, Article, String, JoinedArticle> {

    static final String STORE = "stories-by-start";

    private final Duration horizon;
    private final WindowGrid grid;
    private ProcessorContext<String, JoinedArticle> context;
    private WindowStore<String, StoryState> stories;

    StoryDeduplicator(Duration horizon, WindowGrid grid) {
        this.horizon = horizon;
        this.grid = grid;
    }

    /** Stories stay until no copy can join them: the horizon after their start, and as late again. */
    static StoreBuilder<WindowStore<String, StoryState>> store(Duration horizon, Duration lateness) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(STORE, horizon.plus(lateness),
                        Duration.ofMillis(1), false), Serdes.String(), AvroSerde.of(StoryState.class))
                .withCachingEnabled();
    }

    @Override
    public void init(ProcessorContext<String, JoinedArticle> context) {
        this.context = context;
        this.stories = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        long time = record.timestamp();
        StoryState story = latestSince(record.key(), time);
        boolean opensStory = story == null || story.getFirstSeenAt().toEpochMilli() + horizon.toMillis() < time;
        if (opensStory) {
            story = new StoryState(article.getId(), Instant.ofEpochMilli(time),
                    new ArrayList<>(List.of(article.getSource())), new ArrayList<>());
        } else if (!story.getSources().contains(article.getSource())) {
            List<String> sources = new ArrayList<>(story.getSources());
            sources.add(article.getSource());
            story.setSources(sources);
        }
        int newStoryWindows = newStoryWindows(story, grid.slotOf(time));
        stories.put(record.key(), story, story.getFirstSeenAt().toEpochMilli());
        EnrichedArticle untagged = EnrichedArticle.newBuilder()
                .setArticle(article)
                .setStoryId(story.getStoryId())
                .setFirstOfStory(opensStory)
                .setStoryStartedAt(story.getFirstSeenAt())
                .setStorySources(List.copyOf(story.getSources()))
                .setCountries(List.of())
                .setActors(List.of())
                .setKeywords(List.of())
                .setDictionaryVersion("")
                .setEnrichedAt(Instant.EPOCH)
                .build();
        context.forward(record.withKey(article.getId()).withValue(new JoinedArticle(untagged, newStoryWindows)));
    }

    /**
     * The windows containing {@code slot} that no earlier article of the story reached, as bits from the oldest
     * (bit 0); remembers the slot.
     */
    private int newStoryWindows(StoryState story, long slot) {
        List<Long> slots = story.getSlots();
        int bits = 0;
        long oldest = grid.oldestWindowWith(slot);
        for (long window = oldest; window <= slot; window++) {
            long w = window;
            if (slots.stream().noneMatch(seen -> grid.contains(w, seen))) {
                bits |= 1 << (int) (window - oldest);
            }
        }
        if (!slots.contains(slot)) {
            List<Long> more = new ArrayList<>(slots);
            more.add(slot);
            story.setSlots(more);
        }
        return bits;
    }

    /** The story with this fingerprint that started last, if it started after {@code time} less the horizon. */
    private StoryState latestSince(String fingerprint, long time) {
        try (WindowStoreIterator<StoryState> started = stories.backwardFetch(fingerprint,
                Math.max(0, time - horizon.toMillis()), Long.MAX_VALUE)) {
            return started.hasNext() ? started.next().value : null;
        }
    }
}
