package io.mediamonitor.alerts.stream;

import io.mediamonitor.alerts.detect.AlertChange;
import io.mediamonitor.alerts.detect.Decision;
import io.mediamonitor.alerts.detect.LearnedWindow;
import io.mediamonitor.alerts.detect.SpikeDetector;
import io.mediamonitor.alerts.detect.TermState;
import io.mediamonitor.alerts.detect.TermStateCodec;
import io.mediamonitor.alerts.detect.WindowObservation;
import io.mediamonitor.alerts.stream.Announcement.Heard;
import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertStatus;
import io.mediamonitor.model.WatchlistEntry;
import io.mediamonitor.model.AlertArticle;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Runs the spike detector on every update of a term's window count, as it arrives (an alert is
 * raised as soon as its condition holds, not when the window closes), keeps each term's detector
 * state, and turns detector changes into explained Alert records. Every term learns its baseline;
 * only watched terms raise alerts, and an alert raised is followed to its end ({@link Announcement}).
 */
final class SpikeWatcher implements Processor<String, io.mediamonitor.model.MentionCount, String, Alert> {

    static final String STORE = "term-states";
    /** Key under which the task remembers since when it has watched, so new terms have history. */
    private static final String WATCHED_SINCE = "\u0000watched-since";
    /** Prefix of the key, per term, of what people last heard of its alert ({@link Announcement.Heard}). */
    private static final String ANNOUNCED = "\u0000announced\u0000";

    private final AlertSettings settings;
    private final WatchPolicy policy;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, byte[]> states;
    private KeyValueStore<String, String> labels;
    private WindowStore<String, AlertArticle> articles;
    private KeyValueStore<String, Long> articlesSince;
    private WindowStore<String, LearnedWindow> learned;
    private TimestampedKeyValueStore<String, WatchlistEntry> watchlist;
    private TimestampedKeyValueStore<String, io.mediamonitor.model.MentionCount> totals;
    /**
     * The terms whose alert is open, as their states in the store say: what the punctuation ticks. Kept beside the
     * store so a tick reads those terms only, not every term's state (thousands of terms and pairs, and in RocksDB
     * the older versions of each until compaction: a cost that grew with the hours run).
     */
    private final NavigableSet<String> alertsOpen = new TreeSet<>();

    SpikeWatcher(AlertSettings settings) {
        this.settings = settings;
        this.policy = new WatchPolicy(settings.watchedByDefault());
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.states = context.getStateStore(STORE);
        this.labels = context.getStateStore(TermArticleRecorder.LABELS);
        this.articles = context.getStateStore(TermArticleRecorder.ARTICLES);
        this.articlesSince = context.getStateStore(TermArticleRecorder.SINCE);
        this.learned = context.getStateStore(LearnedWindows.STORE);
        this.watchlist = context.getStateStore(AlertTopology.WATCHLIST_STORE);
        this.totals = context.getStateStore(AlertTopology.TOTALS_STORE);
        alertsOpen.clear();
        try (KeyValueIterator<String, byte[]> all = states.all()) { // once, when the task starts
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                // keys starting with NUL are the task's own notes, not terms
                if (!entry.key.startsWith("\u0000") && TermStateCodec.decode(entry.value).alertActive()) {
                    alertsOpen.add(entry.key);
                }
            }
        }
        // a burst that ends sends no more records: stream time resolves its alert
        context.schedule(Duration.ofMillis(settings.detector().advanceMs()), PunctuationType.STREAM_TIME,
                this::resolveQuietTerms);
    }

    @Override
    public void process(Record<String, io.mediamonitor.model.MentionCount> record) {
        String term = record.key();
        io.mediamonitor.model.MentionCount count = record.value();
        WatchlistEntry entry = entry(term);
        SpikeDetector detector = new SpikeDetector(WatchPolicy.detectorFor(entry, settings.detector()));
        byte[] stored = states.get(term);
        TermState state = stored == null
                ? detector.initialState(watchedSince(count))
                : TermStateCodec.decode(stored);
        // The window's total as loaded so far, and how far it has counted: its record time is the latest
        // event time in it (a windowed aggregate's result carries the largest timestamp of its inputs).
        ValueAndTimestamp<io.mediamonitor.model.MentionCount> total =
                totals.get(Long.toString(count.getWindowStart().toEpochMilli()));
        long windowStart = count.getWindowStart().toEpochMilli();
        // a late update of a window the baseline has learned already: what it learned then, to add what it gained
        LearnedWindow learnedThen = state.seen() && windowStart <= state.foldedUpTo()
                ? learned.fetch(term, windowStart) : null;
        Decision decision = detector.evaluate(state, total == null
                ? WindowObservation.of(count, null, Long.MIN_VALUE)
                : WindowObservation.of(count, total.value(), total.timestamp()), learnedThen);
        store(term, decision.state());
        keep(term, decision);
        emit(term, entry, decision.changes(), record.timestamp());
    }

    private void resolveQuietTerms(long streamTime) {
        for (String term : new ArrayList<>(alertsOpen)) {
            TermState state = TermStateCodec.decode(states.get(term));
            WatchlistEntry entry = entry(term);
            SpikeDetector detector = new SpikeDetector(WatchPolicy.detectorFor(entry, settings.detector()));
            Decision decision = detector.tick(term, state, streamTime);
            store(term, decision.state());
            keep(term, decision);
            emit(term, entry, decision.changes(), streamTime);
        }
    }

    private void store(String term, TermState state) {
        states.put(term, TermStateCodec.encode(state));
        if (state.alertActive()) {
            alertsOpen.add(term);
        } else {
            alertsOpen.remove(term);
        }
    }

    /** Keeps what the baseline learned from each window late articles can still change. */
    private void keep(String term, Decision decision) {
        long streamTime = decision.state().streamTime();
        for (LearnedWindow window : decision.learned()) {
            if (LearnedWindows.stillOpen(window, settings, streamTime)) {
                learned.put(term, window, window.windowStart());
            }
        }
    }

    private void emit(String term, WatchlistEntry entry, List<AlertChange> changes, long timestamp) {
        if (changes.isEmpty()) {
            return;
        }
        boolean watched = policy.watches(term, entry);
        byte[] note = states.get(ANNOUNCED + term);
        Heard before = note == null ? null : Heard.values()[note[0]];
        Heard heard = before;
        List<AlertChange> told = new ArrayList<>(changes.size());
        for (AlertChange change : changes) {
            boolean tell = Announcement.told(change.status(), watched, heard);
            if (tell) {
                told.add(change);
            }
            // an alert opened before notes were kept stays judged by the watchlist alone
            heard = heard == null && change.status() != AlertStatus.OPEN ? null
                    : Announcement.after(change.status(), tell, heard);
        }
        if (heard != before) {
            states.put(ANNOUNCED + term, new byte[] {(byte) heard.ordinal()});
        }
        String known = TermArticleRecorder.label(labels, term);
        String label = entry != null && entry.getLabel() != null ? entry.getLabel()
                : known != null ? known : WatchPolicy.defaultLabel(term);
        for (AlertChange change : told) {
            List<AlertArticle> inWindow = TermArticleRecorder.between(articles, term,
                    Instant.ofEpochMilli(change.windowStart()), Instant.ofEpochMilli(change.windowEnd()));
            Alert alert = change.toAlert(label, ExplainingArticles.pick(inWindow, settings.articlesPerAlert()));
            context.forward(new Record<>(term, alert, timestamp));
        }
    }

    private WatchlistEntry entry(String term) {
        ValueAndTimestamp<WatchlistEntry> entry = watchlist.get(term);
        return entry == null ? null : entry.value();
    }

    /**
     * Since when the system has been counting: a term first mentioned now has had zero mentions
     * since then, which is history enough for a rare actor to alert on its first burst. The count's
     * countingSince (stamped by enrich), the oldest article this task has seen and the earliest
     * window of the global totals tell since when.
     */
    private long watchedSince(io.mediamonitor.model.MentionCount count) {
        long since = count.getWindowStart().toEpochMilli();
        if (count.getCountingSince() != null) {
            since = Math.min(since, count.getCountingSince().toEpochMilli());
        }
        byte[] stored = states.get(WATCHED_SINCE);
        if (stored != null) {
            since = Math.min(since, ByteBuffer.wrap(stored).getLong());
        }
        java.time.Instant earliestArticle = TermArticleRecorder.earliest(articlesSince);
        if (earliestArticle != null) {
            since = Math.min(since, earliestArticle.toEpochMilli());
        }
        try (KeyValueIterator<String, ValueAndTimestamp<io.mediamonitor.model.MentionCount>> all = totals.all()) {
            if (all.hasNext()) {
                // keys are epoch milliseconds of equal length, so the first key is the earliest window
                since = Math.min(since, Long.parseLong(all.next().key));
            }
        } catch (NumberFormatException e) {
            // a foreign key in the totals topic: ignore it, keep what we know
        }
        states.put(WATCHED_SINCE, ByteBuffer.allocate(Long.BYTES).putLong(since).array());
        return since;
    }
}
