package io.mediamonitor.enrich.counting;

import io.mediamonitor.model.MentionCount;
import io.mediamonitor.model.state.MentionEvent;
import io.mediamonitor.schema.Terms;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the mentions of each term (input keyed by term) in hopping windows: articles, distinct stories,
 * distinct sources and the most stories one source published alone. Each mention costs the same whatever its
 * windows already hold: it carries which windows its story is new to and whose story it ends being alone, as story
 * dedup found them from the story's sightings of the term (for stories dedup did not follow the terms of, the
 * term's record of the story here says), the (term, source, window) record whether the source is new, and the
 * window's tally is a few numbers.
 *
 * <p>Every mention carries the whole volume's stories in each of its windows as story dedup counted them with its
 * article ({@link WholeVolume}); a window's tally keeps the latest, so every count carries its window's volume at
 * the point of the input of its own latest mention. The whole volume ({@link Terms#TOTAL}) is counted like any
 * term, by the first partition's task ({@link TotalOnFirstPartition}).
 *
 * <p>Updates are coalesced: the windows a mention changed are emitted on the next tick of the emitter (every
 * {@code emitInterval} of wall-clock time, 500 ms by default), once each, with the record time
 * of the latest event the window counted; the sources new to a window reach its names then too ({@link NewSources}).
 * A window takes late articles until {@code lateness} after its end, judged by the watermark story dedup stamps on
 * each mention (the event time every raw partition had reached; {@link InputWatermark}), not by the newest time
 * seen: a backlog's partitions reach story dedup out of step.
 */
public final class MentionCounter implements Processor<String, MentionEvent, String, MentionCount> {

    private static final Logger log = LoggerFactory.getLogger(MentionCounter.class);
    private static final Duration SWEEP_EVERY = Duration.ofHours(6);

    private final WindowGrid grid;
    private final long latenessMs;
    private final Duration emitInterval;
    private ProcessorContext<String, MentionCount> context;
    private WindowStore<String, WindowTally> windows;
    private WindowStore<String, List<String>> sourceNames;
    private KeyValueStore<String, SourceWindows> sources;
    private WindowStore<String, StoryPresence> stories;
    private PendingWindows pending;
    private NewSources newSources;
    private Sensor tooLate;
    private boolean volumeOwner;
    /** The newest watermark of the mentions taken: windows close by it, so it never moves back. */
    private long watermark;

    public MentionCounter(MentionStores layout, Duration emitInterval) {
        this.grid = layout.grid();
        this.latenessMs = layout.lateness().toMillis();
        this.emitInterval = emitInterval;
    }

    @Override
    public void init(ProcessorContext<String, MentionCount> context) {
        this.context = context;
        // a task revived after a dirty close keeps its processors and takes the aborted mentions again: with them,
        // the watermarks they carried
        this.watermark = Long.MIN_VALUE;
        this.windows = context.getStateStore(MentionStores.WINDOWS);
        this.sourceNames = context.getStateStore(MentionStores.SOURCE_NAMES);
        this.sources = context.getStateStore(MentionStores.SOURCES);
        this.stories = context.getStateStore(MentionStores.STORIES);
        this.pending = new PendingWindows(context.getStateStore(MentionStores.PENDING));
        this.newSources = recoverNewSources();
        this.volumeOwner = context.taskId().partition() == 0;
        this.tooLate = context.metrics().addRateTotalSensor("media-monitor", "mention-counter",
                "mentions-too-late", Sensor.RecordingLevel.INFO, "task-id", context.taskId().toString());
        context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> emitPending());
        // a source that stopped mentioning a term leaves a record no mention rewrites: swept now and then
        context.schedule(SWEEP_EVERY, PunctuationType.STREAM_TIME, this::forgetQuietSources);
    }

    @Override
    public void process(Record<String, MentionEvent> record) {
        String term = record.key();
        MentionEvent mention = record.value();
        boolean volume = Terms.TOTAL.equals(term);
        if (volume && !volumeOwner) {
            return; // a copy sent to every partition, as jobs did before mentions carried their windows' volumes
        }
        long eventTime = record.timestamp();
        long slot = grid.slotOf(eventTime);
        // mentions written before they carried it: the stream time, as windows closed then
        watermark = Math.max(watermark, mention.getWatermark() == null ? context.currentStreamTimeMs()
                : mention.getWatermark().toEpochMilli());
        long oldestOpen = grid.oldestOpenWindow(watermark, latenessMs);
        if (slot < oldestOpen) {
            tooLate.record();
            log.debug("{}: article {} published at {} is later than the windows' lateness; not counted", term,
                    mention.getArticleId(), Instant.ofEpochMilli(eventTime));
            return;
        }
        // story dedup tells what the article changes, except for stories it did not follow the terms of
        List<StoryPresence.Change> changes = volume || mention.getNewStoryWindows() >= 0
                ? carriedChanges(mention, slot) : storyChanges(term, mention, slot);
        long countedSince = mention.getCountingSince() == null ? WindowTally.NONE
                : mention.getCountingSince().toEpochMilli();
        Sources sourcesOf = new Sources(term, oldestOpen);
        long firstCounted = Long.MAX_VALUE;
        long lastCounted = Long.MIN_VALUE;
        for (StoryPresence.Change change : changes) {
            if (change.window() >= oldestOpen) {
                count(term, mention, eventTime, countedSince, change, sourcesOf);
                firstCounted = Math.min(firstCounted, change.window());
                lastCounted = Math.max(lastCounted, change.window());
            }
        }
        sourcesOf.save();
        // the windows containing one article are consecutive: marked pending in one write
        if (firstCounted <= lastCounted) {
            pending.mark(term, firstCounted, lastCounted);
        }
    }

    /** The records of a term's sources one mention reads and changes, each read once and written once. */
    private final class Sources {
        private final String term;
        private final long oldestOpen;
        private final Map<String, SourceWindows> read = new HashMap<>(2);
        private final Set<String> changed = new HashSet<>(2);

        Sources(String term, long oldestOpen) {
            this.term = term;
            this.oldestOpen = oldestOpen;
        }

        SourceWindows of(String source) {
            return read.computeIfAbsent(source, s -> {
                SourceWindows stored = sources.get(MentionStores.key(term, s));
                return stored == null ? new SourceWindows() : stored;
            });
        }

        void changed(String source) {
            changed.add(source);
        }

        void save() {
            for (String source : changed) {
                SourceWindows windows = read.get(source);
                windows.forgetBefore(oldestOpen);
                sources.put(MentionStores.key(term, source), windows);
            }
        }
    }

    /**
     * What the article changes in each of its windows for a term, from the term's record of the story: for mentions
     * of stories that story dedup did not follow the terms of (started before it did, or mentions sent before).
     */
    private List<StoryPresence.Change> storyChanges(String term, MentionEvent mention, long slot) {
        String storyKey = MentionStores.key(term, mention.getStoryId());
        long storyStart = mention.getStoryStartedAt() == null ? mention.getPublishedAt().toEpochMilli()
                : mention.getStoryStartedAt().toEpochMilli();
        // a story's id is its first article's, and that article is the story's first mention of every term:
        // nothing to read (a read that finds nothing is a lookup in every layer down to RocksDB)
        boolean firstArticle = mention.getArticleId().equals(mention.getStoryId());
        StoryPresence story = firstArticle ? null : stories.fetch(storyKey, storyStart);
        if (story == null) {
            story = new StoryPresence();
        }
        int seen = story.size();
        List<StoryPresence.Change> changes = story.add(slot, mention.getSource(), grid);
        if (story.size() != seen) {
            stories.put(storyKey, story, storyStart);
        }
        return changes;
    }

    /**
     * The same, as story dedup found it and the mention carries it. For the whole volume (whose stories are alone is
     * not followed) a mention sent before it carried them is new to every window.
     */
    private List<StoryPresence.Change> carriedChanges(MentionEvent mention, long slot) {
        int bits = mention.getNewStoryWindows();
        List<String> noLongerAlone = mention.getNoLongerAlone();
        List<StoryPresence.Change> changes = new ArrayList<>(grid.slotsPerWindow());
        long oldest = grid.oldestWindowWith(slot);
        for (long window = oldest; window <= slot; window++) {
            int index = (int) (window - oldest);
            boolean newStory = bits < 0 || (bits & (1 << index)) != 0;
            changes.add(new StoryPresence.Change(window, newStory,
                    index < noLongerAlone.size() ? noLongerAlone.get(index) : null));
        }
        return changes;
    }

    private void count(String term, MentionEvent mention, long eventTime, long countedSince,
                       StoryPresence.Change change, Sources sourcesOf) {
        long window = change.window();
        long start = grid.start(window);
        WindowTally tally = windows.fetch(term, start);
        if (tally == null) {
            tally = new WindowTally();
        }
        tally.countArticle(mention.getArticleId(), eventTime, countedSince);
        List<Integer> volumes = mention.getWindowVolumes();
        int index = (int) (window - grid.oldestWindowWith(grid.slotOf(eventTime)));
        if (index < volumes.size()) { // none in mentions written before they carried them
            tally.volumeSeen(volumes.get(index));
        }
        if (change.newStory()) {
            tally.countStory();
        }
        String source = mention.getSource();
        SourceWindows mine = sourcesOf.of(source);
        boolean known = mine.in(window);
        int before = mine.alone(window);
        int after = before;
        if (!known) {
            if (!Terms.TOTAL.equals(term)) {
                // the whole volume's sources are every outlet: counted, not listed
                newSources.add(term, window, tally.sources(), source);
            }
            tally.countSource();
        }
        if (change.newStory() && !Terms.TOTAL.equals(term)) {
            after++; // whose stories are alone is not followed for the whole volume
        } else if (change.noLongerAlone() != null) {
            SourceWindows other = sourcesOf.of(change.noLongerAlone());
            int alone = other.alone(window);
            if (alone > 0) {
                other.set(window, alone - 1);
                sourcesOf.changed(change.noLongerAlone());
                tally.aloneChanged(alone, alone - 1);
            }
        }
        if (!known || after != before) {
            mine.set(window, after);
            sourcesOf.changed(source);
            tally.aloneChanged(before, after);
        }
        windows.put(term, tally, start);
    }

    /**
     * The sources the pending windows gained before this task last stopped and did not write to their names yet:
     * those the sources' records place in a window that its names lack.
     */
    private NewSources recoverNewSources() {
        NewSources recovered = new NewSources();
        pending.forEach((term, pendingWindows) -> {
            if (Terms.TOTAL.equals(term)) {
                return;
            }
            Map<Long, Set<String>> inWindow = new HashMap<>();
            String prefix = MentionStores.firstKey(term);
            try (KeyValueIterator<String, SourceWindows> termSources = sources.range(prefix,
                    MentionStores.lastKey(term))) {
                termSources.forEachRemaining(entry -> {
                    String source = entry.key.substring(prefix.length());
                    for (long window : pendingWindows) {
                        if (entry.value.in(window)) {
                            inWindow.computeIfAbsent(window, w -> new TreeSet<>()).add(source);
                        }
                    }
                });
            }
            inWindow.forEach((window, names) -> {
                long start = grid.start(window);
                WindowTally tally = windows.fetch(term, start);
                if (tally == null) {
                    return;
                }
                List<String> stored = WindowSourceNames.read(sourceNames, term, start, tally.sources());
                stored.forEach(names::remove);
                names.forEach(source -> recovered.add(term, window, stored.size(), source));
            });
        });
        return recovered;
    }

    private void forgetQuietSources(long streamTime) {
        if (watermark == Long.MIN_VALUE) {
            return; // nothing taken since the task started: the next sweep
        }
        long oldestOpen = grid.oldestOpenWindow(watermark, latenessMs);
        List<String> quiet = new ArrayList<>();
        try (KeyValueIterator<String, SourceWindows> all = sources.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.newest() < oldestOpen) {
                    quiet.add(entry.key);
                }
            });
        }
        quiet.forEach(sources::delete);
    }

    private void emitPending() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, TreeSet<Long>> drained = pending.drain();
        // the whole volume first: detectors look a term's window volume up when its count arrives
        TreeSet<Long> totals = drained.remove(Terms.TOTAL);
        if (totals != null) {
            emit(Terms.TOTAL, totals);
        }
        drained.forEach(this::emit);
    }

    private void emit(String term, TreeSet<Long> slots) {
        for (long slot : slots) {
            long start = grid.start(slot);
            NewSources.Added added = newSources.take(term, slot);
            WindowTally tally = windows.fetch(term, start);
            if (tally == null) {
                continue; // expired meanwhile
            }
            if (added != null) {
                WindowSourceNames.append(sourceNames, term, start, added.stored(), added.names());
            }
            MentionCount count = tally.toCount(term, start, grid,
                    WindowSourceNames.read(sourceNames, term, start, tally.sources()));
            count.setWindowStories(Terms.TOTAL.equals(term) ? tally.stories() : tally.windowStories());
            context.forward(new Record<>(term, count, tally.latestEventAt()));
        }
    }
}
