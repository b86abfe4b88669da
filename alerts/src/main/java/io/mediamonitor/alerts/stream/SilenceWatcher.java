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
 */
final class SilenceWatcher implements Processor<String, AlertArticle, String, Alert> {

    static final String STORE = "source-rhythms";
    private static final Duration CHECK_EVERY = Duration.ofMinutes(1);
    /**
     * After a start the backlog is replayed first: a source's newer articles may still be queued,
     * so the wall clock judges nobody until this long after start (stream time still does).
     */
    private static final Duration CATCH_UP = Duration.ofMinutes(10);

    private final SilenceDetector detector;
    private final SilenceClock clock;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, byte[]> rhythms;
    private long startedAt;

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
        if (clock == SilenceClock.STREAM_TIME) {
            context.schedule(CHECK_EVERY, PunctuationType.STREAM_TIME, this::checkAll);
        } else {
            context.schedule(CHECK_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> {
                if (now - startedAt >= CATCH_UP.toMillis()) {
                    checkAll(now);
                }
            });
        }
    }

    @Override
    public void process(Record<String, AlertArticle> record) {
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
