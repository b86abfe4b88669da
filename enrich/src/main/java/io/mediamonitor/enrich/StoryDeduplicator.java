package io.mediamonitor.enrich;

import io.mediamonitor.enrich.counting.WindowGrid;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.state.StoryState;
import io.mediamonitor.schema.AvroSerde;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Joins copies of one story: an article whose title and lead are a near-duplicate of a story that started
 * within the horizon ({@link NearDuplicates}: re-titled, trimmed, given a dateline or lightly edited) gets that
 * story's id, the id of its first article, and the story accumulates its sources. Stories are found by the bands
 * of their articles' {@link StorySignature}s in a band index; each story remembers the bands it holds, so that
 * it is forgotten whole once no copy can join it any more: the horizon after it started, and as late again.
 * Every story must be visible to every article, so this runs as one task (its input has one partition);
 * output is keyed by article id, not yet tagged.
 */
final class StoryDeduplicator implements Processor<String, Article, String, JoinedArticle> {

    static final String STORE = "story-clusters";
    static final String BANDS = "story-bands";
    static final String EXPIRY = "story-clusters-by-time";
    /** Bands a story keeps at most: its first article's and some of its copies', which extend its reach. */
    static final int MAX_BANDS = 3 * StorySignature.BANDS;

    private final Duration horizon;
    private final long keptMs;
    private final WindowGrid grid;
    private final NearDuplicates rule;
    private ProcessorContext<String, JoinedArticle> context;
    private KeyValueStore<String, StoryState> stories;
    private KeyValueStore<Long, String> bands;
    private Expiry expiry;

    /** @param lateness how late a copy may still come: a story is kept for the horizon and as late again */
    StoryDeduplicator(Duration horizon, Duration lateness, WindowGrid grid, NearDuplicates rule) {
        this.horizon = horizon;
        this.keptMs = horizon.plus(lateness).toMillis();
        this.grid = grid;
        this.rule = rule;
    }

    static List<StoreBuilder<?>> stores() {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                        AvroSerde.of(StoryState.class)).withCachingEnabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BANDS), Serdes.Long(), Serdes.String())
                        .withCachingEnabled(),
                Expiry.store(EXPIRY));
    }

    @Override
    public void init(ProcessorContext<String, JoinedArticle> context) {
        this.context = context;
        this.stories = context.getStateStore(STORE);
        this.bands = context.getStateStore(BANDS);
        this.expiry = new Expiry(context.getStateStore(EXPIRY));
        context.schedule(Expiry.SWEEP_EVERY, PunctuationType.STREAM_TIME, now -> expiry.forgetBefore(now, stories,
                story -> story.getFirstSeenAt().toEpochMilli() + keptMs >= now, this::forgetBands));
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        long time = record.timestamp();
        StorySignature signature = StorySignature.of(article);
        Lookup lookup = new Lookup(time);
        Optional<String> match = rule.storyOf(signature, lookup);
        StoryState story;
        boolean opensStory = match.isEmpty();
        if (opensStory) {
            story = new StoryState(article.getId(), Instant.ofEpochMilli(time),
                    new ArrayList<>(List.of(article.getSource())), new ArrayList<>(),
                    ByteBuffer.wrap(signature.toBytes()), new ArrayList<>());
            expiry.expireAt(article.getId(), time + keptMs);
        } else {
            story = lookup.seen.get(match.get());
            if (!story.getSources().contains(article.getSource())) {
                List<String> sources = new ArrayList<>(story.getSources());
                sources.add(article.getSource());
                story.setSources(sources);
            }
        }
        holdBands(story, signature, lookup);
        int newStoryWindows = newStoryWindows(story, grid.slotOf(time));
        stories.put(story.getStoryId(), story);
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

    /** The stories the band index names, as far as they can still be joined at this article's time. */
    private final class Lookup implements NearDuplicates.Index {
        final long time;
        final Map<String, StoryState> seen = new HashMap<>();
        /** The band index as read for this article: each band is read once. */
        final Map<Long, String> owners = new HashMap<>();

        Lookup(long time) {
            this.time = time;
        }

        @Override
        public String storyWithBand(long bandKey) {
            String id = owner(bandKey);
            return id != null && joinable(story(id)) ? id : null;
        }

        String owner(long bandKey) {
            if (!owners.containsKey(bandKey)) {
                owners.put(bandKey, bands.get(bandKey)); // an absent band is remembered as absent too
            }
            return owners.get(bandKey);
        }

        @Override
        public StorySignature signature(String storyId) {
            StoryState story = story(storyId);
            return story == null || story.getSignature().remaining() == 0 ? null
                    : StorySignature.fromBytes(bytes(story.getSignature()));
        }

        StoryState story(String id) {
            if (!seen.containsKey(id)) {
                seen.put(id, stories.get(id));
            }
            return seen.get(id);
        }

        boolean joinable(StoryState story) {
            return story != null && story.getFirstSeenAt().toEpochMilli() + horizon.toMillis() >= time;
        }
    }

    /** The article's bands that no joinable story holds now point to its story, which remembers them. */
    private void holdBands(StoryState story, StorySignature signature, Lookup lookup) {
        List<Long> held = story.getBands();
        List<Long> more = null;
        for (int band = 0; band < StorySignature.BANDS && held.size() + (more == null ? 0 : more.size()) < MAX_BANDS;
             band++) {
            long key = signature.bandKey(band);
            String owner = lookup.owner(key);
            if (owner == null || (!owner.equals(story.getStoryId()) && !lookup.joinable(lookup.story(owner)))) {
                bands.put(key, story.getStoryId());
                if (more == null) {
                    more = new ArrayList<>(held);
                }
                more.add(key);
            }
        }
        if (more != null) {
            story.setBands(more);
        }
    }

    private void forgetBands(String storyId, StoryState story) {
        for (long key : story.getBands()) {
            if (storyId.equals(bands.get(key))) {
                bands.delete(key);
            }
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
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
