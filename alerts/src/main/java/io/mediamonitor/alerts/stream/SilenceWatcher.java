package io.mediamonitor.alerts.stream;

import io.mediamonitor.alerts.detect.AlertChange;
import io.mediamonitor.alerts.detect.SilenceDetector;
import io.mediamonitor.alerts.detect.SourceRhythm;
import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Learns each source's publishing rhythm from its articles and raises an operator alert when a
 * source stays quiet far longer than usual: a monitoring team must know when its eyes go blind.
 * Checked every minute on the {@link SilenceClock} the job runs on: the wall clock when live, stream time
 * in a replay. Either way an alert opens at the moment the silence became improbable.
 *
 * <p>A live job judges sources at the time its input has reached, which is the wall clock only once nothing more
 * is waiting: its records are timed by when ingest fetched the article ({@link SourceArticles}), so while a
 * backlog is read (the job was down, or enrich is behind) stream time says how far, and a source whose newer
 * articles are still queued is not taken for silent. Input that brought nothing for {@link #CATCH_UP} is caught
 * up, and the wall clock judges: every source silent at once is what a stopped ingest looks like.
 */
final class SilenceWatcher implements Processor<String, AlertArticle, String, Alert> {

    static final String STORE = "source-rhythms";
    private static final Duration CHECK_EVERY = Duration.ofMinutes(1);
    /**
     * After a start the backlog is read first, fetched for the most part at about the same time (a feed's first
     * poll), so even stream time runs ahead of a source's newer articles still queued: a live job judges nobody
     * until this long after start. Input quiet for this long is caught up.
     */
    private static final Duration CATCH_UP = Duration.ofMinutes(10);

    private final SilenceDetector detector;
    private final SilenceClock clock;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, byte[]> rhythms;
    private long startedAt;
    /** Wall-clock time of the last article read. */
    private long lastReadAt;

    SilenceWatcher(SilenceDetector detector, SilenceClock clock) {
        this.detector = detector;
        this.clock = clock;
    }

    static String termOf(String source) {
        return "source:" + source;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.rhythms = context.getStateStore(STORE);
        this.startedAt = context.currentSystemTimeMs();
        this.lastReadAt = startedAt;
        if (clock == SilenceClock.STREAM_TIME) {
            context.schedule(CHECK_EVERY, PunctuationType.STREAM_TIME, this::checkAll);
        } else {
            context.schedule(CHECK_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> {
                if (now - startedAt >= CATCH_UP.toMillis()) {
                    checkAll(inputReached(now));
                }
            });
        }
    }

    /** How far the input has come at wall-clock time {@code now}: now if nothing is waiting, else stream time. */
    private long inputReached(long now) {
        boolean caughtUp = now - lastReadAt >= CATCH_UP.toMillis();
        return caughtUp ? now : Math.min(now, context.currentStreamTimeMs());
    }

    @Override
    public void process(Record<String, AlertArticle> record) {
        lastReadAt = context.currentSystemTimeMs();
        String term = termOf(record.key());
        byte[] stored = rhythms.get(record.key());
        SilenceDetector.Step step = detector.onArticle(term,
                stored == null ? null : SourceRhythmCodec.decode(stored), record.value().getPublishedAt().toEpochMilli());
        rhythms.put(record.key(), SourceRhythmCodec.encode(step.state()));
        emit(term, record.key(), step.change(), record.timestamp());
    }

    private void checkAll(long now) {
        List<KeyValue<String, SourceRhythm>> sources = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = rhythms.all()) {
            all.forEachRemaining(entry -> sources.add(KeyValue.pair(entry.key, SourceRhythmCodec.decode(entry.value))));
        }
        for (KeyValue<String, SourceRhythm> source : sources) {
            String term = termOf(source.key);
            SilenceDetector.Step step = detector.check(term, source.value, now);
            if (step.change().isPresent()) {
                rhythms.put(source.key, SourceRhythmCodec.encode(step.state()));
                emit(term, source.key, step.change(), now);
            }
        }
    }

    private void emit(String term, String source, Optional<AlertChange> change, long timestamp) {
        change.ifPresent(c -> context.forward(new Record<>(term, c.toAlert(source + " (source)", List.of()), timestamp)));
    }
}
