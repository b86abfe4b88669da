package io.mediamonitor.enrich;

import io.mediamonitor.kafka.StateStoreType;
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
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Joins copies of one story: articles with the same normalized title and text within the horizon
 * get the id of the first as their story id, and the story accumulates its sources. Input is keyed
 * by {@link StoryFingerprint}; output is keyed by article id again, not yet tagged. A story is forgotten
 * once no copy can join it any more: the horizon after it started, and as late again.
 */
final class StoryDeduplicator implements Processor<String, Article, String, JoinedArticle> {

    static final String STORE = "stories";
    static final String EXPIRY = "stories-by-time";

    private final Duration horizon;
    private final long keptMs;
    private final WindowGrid grid;
    private ProcessorContext<String, JoinedArticle> context;
    private KeyValueStore<String, StoryState> stories;
    private Expiry expiry;

    /** @param lateness how late a copy may still come: a story is kept for the horizon and as late again */
    StoryDeduplicator(Duration horizon, Duration lateness, WindowGrid grid) {
        this.horizon = horizon;
        this.keptMs = horizon.plus(lateness).toMillis();
        this.grid = grid;
    }

    static List<StoreBuilder<?>> stores(StateStoreType type) {
        return List.of(Stores.keyValueStoreBuilder(type.keyValue(STORE), Serdes.String(),
                AvroSerde.of(StoryState.class)).withCachingEnabled(), Expiry.store(EXPIRY, type));
    }

    @Override
    public void init(ProcessorContext<String, JoinedArticle> context) {
        this.context = context;
        this.stories = context.getStateStore(STORE);
        this.expiry = new Expiry(context.getStateStore(EXPIRY));
        context.schedule(Expiry.SWEEP_EVERY, PunctuationType.STREAM_TIME, now -> expiry.forgetBefore(now, stories,
                story -> story.getFirstSeenAt().toEpochMilli() + keptMs >= now));
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        long time = record.timestamp();
        StoryState story = stories.get(record.key());
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
        stories.put(record.key(), story);
        if (opensStory) {
            expiry.expireAt(record.key(), time + keptMs);
        }
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

}
