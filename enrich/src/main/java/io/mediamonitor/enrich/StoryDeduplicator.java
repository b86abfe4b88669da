package io.mediamonitor.enrich;

import io.mediamonitor.kafka.StateStoreType;
import io.mediamonitor.enrich.counting.InputWatermark;
import io.mediamonitor.enrich.counting.StoryPresence;
import io.mediamonitor.enrich.counting.WholeVolume;
import io.mediamonitor.enrich.counting.WindowGrid;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.state.StoryState;
import io.mediamonitor.schema.AvroSerde;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Joins copies of one story: an article whose title and lead are a near-duplicate of a story that started
 * within the horizon ({@link NearDuplicates}: the same text, or re-titled, trimmed, given a dateline or lightly
 * edited) gets that story's id, the id of its first article (which the counting relies on: a mention whose
 * article is its story's is the story's first), and the story accumulates its sources. Stories are
 * kept by id with their first article's {@link StorySignature}, and found through the {@link StoryIndex} of
 * their bands, which lives in memory and is rebuilt from the store when the task starts. A copy may be worded
 * unlike its story, so every story must be visible to every article: this runs as one task (its input goes to
 * one partition). A story is forgotten once no copy can join it any more, nor count in a window still open: the
 * horizon after it started, a window and the lateness. The task also keeps the whole volume's stories per window ({@link WholeVolume}), which only it
 * sees whole, and each story's sightings per term ({@link StoryTerms}), which it reads and writes with the story
 * anyway. Windows close by the event time every raw partition has reached ({@link InputWatermark}), which every
 * mention carries on to the counting. Input is tagged; output is keyed by article id.
 */
final class StoryDeduplicator implements Processor<String, EnrichedArticle, String, JoinedArticle> {

    static final String STORE = "stories";
    static final String EXPIRY = "stories-by-time";
    static final String WATERMARK = "story-watermark";
    /**
     * How long a raw partition may bring nothing before the watermark goes on without it: a quiet partition in a
     * quiet hour holds the windows open that much longer at most, and a backlog's partitions each bring articles
     * every few milliseconds.
     */
    static final Duration IDLE_INPUT = Duration.ofMinutes(5);

    private final long horizonMs;
    private final long keptMs;
    private final Duration lateness;
    private final WindowGrid grid;
    private final NearDuplicates rule;
    private final MentionExtractor terms;
    private final int rawPartitions;
    private final Duration maxLag;
    private ProcessorContext<String, JoinedArticle> context;
    private KeyValueStore<String, StoryState> stories;
    private Expiry expiry;
    private StoryIndex index;
    private WholeVolume volume;
    private KeyValueStore<String, Long> watermarks;
    private InputWatermark watermark;
    /** The oldest open window as of the watermark last written: what a restart must not reopen. */
    private long keptOldestOpen;

    /**
     * @param lateness how late a copy may still come: a story is kept for the horizon, a window and the lateness,
     *                 as long as a window holding a copy published at the horizon's end may still count one
     * @param terms    the terms an article counts towards, whose sightings each story keeps ({@link StoryTerms})
     * @param rawPartitions the raw topic's partitions, whose articles come through this task's one partition, 0 if
     *                 not known ({@link InputWatermark})
     * @param maxLag   how far behind the newest time seen windows may stay open ({@link EnrichSettings#maxWatermarkLag})
     */
    StoryDeduplicator(Duration horizon, Duration lateness, WindowGrid grid, NearDuplicates rule,
                      MentionExtractor terms, int rawPartitions, Duration maxLag) {
        this.horizonMs = horizon.toMillis();
        this.keptMs = horizon.toMillis() + grid.sizeMs() + lateness.toMillis();
        this.lateness = lateness;
        this.grid = grid;
        this.rule = rule;
        this.terms = terms;
        this.rawPartitions = rawPartitions;
        this.maxLag = maxLag;
    }

    static List<StoreBuilder<?>> stores(StateStoreType type) {
        // not cached: a story is written once per copy, seconds or hours apart (see MentionStores)
        return List.of(Stores.keyValueStoreBuilder(type.keyValue(STORE), Serdes.String(),
                AvroSerde.of(StoryState.class)), Expiry.store(EXPIRY, type), WholeVolume.store(type),
                // one key, written when a window closes
                Stores.keyValueStoreBuilder(type.keyValue(WATERMARK), Serdes.String(), Serdes.Long()));
    }

    @Override
    public void init(ProcessorContext<String, JoinedArticle> context) {
        this.context = context;
        this.stories = context.getStateStore(STORE);
        this.expiry = new Expiry(context.getStateStore(EXPIRY));
        this.volume = new WholeVolume(context.getStateStore(WholeVolume.STORE), grid, lateness);
        this.index = indexOf(stories, volume);
        this.watermarks = context.getStateStore(WATERMARK);
        Long restored = watermarks.get(WATERMARK);
        this.watermark = new InputWatermark(IDLE_INPUT.toMillis(), maxLag.toMillis(),
                restored == null ? Long.MIN_VALUE : restored, context.currentSystemTimeMs(), rawPartitions);
        this.keptOldestOpen = restored == null ? Long.MIN_VALUE : grid.oldestOpenWindow(restored, lateness.toMillis());
        // by the watermark too: a copy from a partition behind the others still finds its story
        context.schedule(Expiry.SWEEP_EVERY, PunctuationType.STREAM_TIME, streamTime -> {
            long now = watermark.current();
            expiry.forgetBefore(now, stories, id -> openedAnewSince(id, now), index::remove);
        });
    }

    /**
     * Whether the story of {@code id}, due to be forgotten, was opened anew since under the same id (its first article
     * read again once the repeat filter forgot it): then it lives on.
     */
    private boolean openedAnewSince(String id, long now) {
        Long start = startOf(id);
        return start != null && start + keptMs >= now;
    }

    /** When a story started, from the index, which knows all but those stored without a readable signature. */
    private Long startOf(String id) {
        StoryIndex.Story indexed = index.story(id);
        if (indexed != null) {
            return indexed.firstSeenAt();
        }
        StoryState stored = stories.get(id);
        return stored == null ? null : stored.getFirstSeenAt().toEpochMilli();
    }

    /**
     * The band index of every story in the store; the whole volume's windows rebuilt from the stories too if none
     * is kept (a job started before they were).
     */
    private static StoryIndex indexOf(KeyValueStore<String, StoryState> stories, WholeVolume volume) {
        StoryIndex index = new StoryIndex();
        boolean seed = volume.isEmpty();
        try (KeyValueIterator<String, StoryState> all = stories.all()) {
            all.forEachRemaining(entry -> {
                signatureOf(entry.value).ifPresent(signature ->
                        index.add(entry.key, entry.value.getFirstSeenAt().toEpochMilli(), signature));
                if (seed) {
                    volume.seed(entry.value.getSlots());
                }
            });
        }
        return index;
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle tagged = record.value();
        Article article = tagged.getArticle();
        long time = record.timestamp();
        StorySignature signature = StorySignature.of(article);
        Candidates candidates = new Candidates(time);
        Optional<String> joined = rule.storyOf(signature, candidates);
        StoryState story;
        if (joined.isEmpty()) {
            story = StoryState.newBuilder()
                    .setStoryId(article.getId())
                    .setFirstSeenAt(Instant.ofEpochMilli(time))
                    .setSources(new ArrayList<>(List.of(article.getSource())))
                    .setSlots(new ArrayList<>())
                    .setSignature(ByteBuffer.wrap(signature.toBytes()))
                    .setTermsTracked(true)
                    .build();
        } else {
            story = stories.get(joined.get());
            if (!story.getSources().contains(article.getSource())) {
                List<String> sources = new ArrayList<>(story.getSources());
                sources.add(article.getSource());
                story.setSources(sources);
            }
        }
        long slot = grid.slotOf(time);
        int newStoryWindows = newStoryWindows(story, slot);
        long clock = watermark.observe(RawPartition.of(record.headers()), time, context.currentSystemTimeMs());
        long oldestOpen = grid.oldestOpenWindow(clock, lateness.toMillis());
        if (oldestOpen != keptOldestOpen) {
            // written when a window closes, not with every article: restored, any watermark closing the same
            // windows is as good
            watermarks.put(WATERMARK, clock);
            keptOldestOpen = oldestOpen;
        }
        List<Integer> windowVolumes = volume.count(slot, newStoryWindows, clock);
        // a story started before stories followed their terms: the counting keeps those from its own record
        Map<String, List<StoryPresence.Change>> termChanges = story.getTermsTracked()
                ? StoryTerms.add(story, slot, article.getSource(), terms.termNames(tagged), grid) : null;
        stories.put(story.getStoryId(), story);
        if (joined.isEmpty()) {
            // indexed once stored: the index only ever names stories the store holds
            index.add(article.getId(), time, signature);
            expiry.expireAt(article.getId(), time + keptMs);
        }
        // the tagged record is this article's alone: its story is filled in place (a builder would copy it whole)
        tagged.setStoryId(story.getStoryId());
        tagged.setFirstOfStory(joined.isEmpty());
        tagged.setStoryStartedAt(story.getFirstSeenAt());
        tagged.setStorySources(List.copyOf(story.getSources()));
        context.forward(record.withKey(article.getId()).withHeaders(RawPartition.without(record.headers()))
                .withValue(new JoinedArticle(tagged, newStoryWindows, windowVolumes, termChanges, clock)));
    }

    /**
     * The stories an article at {@code time} may join, as the index names them with their signatures; only the
     * one it joins is read from the store.
     */
    private final class Candidates implements NearDuplicates.Index {
        private final long time;

        Candidates(long time) {
            this.time = time;
        }

        @Override
        public NearDuplicates.Candidate storyWithBand(long bandKey) {
            StoryIndex.Story holder = index.withBand(bandKey);
            // the newest story holds a band: if it is past its horizon, so is every older one with that band; an
            // article published more than the horizon before it started (read late) is no copy of it either (nor
            // found for an older story of the same text that the newest displaced: it opens one of its own)
            return holder != null && holder.firstSeenAt() + horizonMs >= time
                    && time >= holder.firstSeenAt() - horizonMs ? holder : null;
        }
    }

    /**
     * A story stored before stories kept their signature has none, and one stored in another signature format is
     * unreadable: either can only expire.
     */
    private static Optional<StorySignature> signatureOf(StoryState story) {
        ByteBuffer bytes = story.getSignature();
        return StorySignature.readable(bytes) ? Optional.of(StorySignature.fromBytes(bytes)) : Optional.empty();
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
