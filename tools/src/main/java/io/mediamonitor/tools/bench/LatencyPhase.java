package io.mediamonitor.tools.bench;

import io.mediamonitor.schema.Topics;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The same timeline continued at a fixed rate on the same running jobs: each article's send time is
 * kept, so its arrival on the enriched topic, and the arrival of any alert it triggers, give latencies.
 * Articles are sent on schedule, not when the previous one is done, so a pipeline slower than the rate
 * shows as growing latency rather than as a slower sender. Bursts come every {@link #BURST_INTERVAL} here, each
 * on a keyword of its own, so alert latency is measured on many alerts, not on the one or two the usual mix
 * makes in a phase of seconds.
 */
final class LatencyPhase {

    /**
     * @param sent    articles sent
     * @param arrived of those, the ones that reached the enriched topic before the deadline
     * @param counts  from send to the first mention count that includes the article as its newest
     * @param drained whether both jobs had committed all their input at the end
     */
    record Result(long sent, long arrived, LatencyRecorder enriched, LatencyRecorder counts, LatencyRecorder alerts,
                  boolean drained) {
    }

    private static final long READERS_POLL_MILLIS = 100;
    /**
     * A burst on a new keyword every 5 simulated minutes (every 0.3 s at 500 articles/s and 2,000 an hour), so there
     * are alert records enough for their latency to have percentiles; bursts overlap (each spans 10 minutes).
     */
    static final Duration BURST_INTERVAL = Duration.ofMinutes(5);
    /** At a slower pace, bursts at least this many articles apart, so ordinary stories still make up the stream. */
    static final long ARTICLES_BETWEEN_BURSTS = 50;

    private LatencyPhase() {
    }

    static Result run(KafkaProducer<String, byte[]> producer, Topics topics, ArticleGenerator generator,
                      Pipeline pipeline, int rate, Duration length, Duration timeout, Progress progress)
            throws InterruptedException {
        EnrichedArrivals enriched = pipeline.enriched();
        enriched.reset();
        Duration apart = generator.spanOf(ARTICLES_BETWEEN_BURSTS);
        generator.burstEvery(apart.compareTo(BURST_INTERVAL) > 0 ? apart : BURST_INTERVAL,
                Vocabulary.WATCHED_KEYWORDS);
        long count = (long) rate * length.toSeconds();
        double intervalNanos = 1e9 / rate;
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = start + (long) (i * intervalNanos);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            EncodedArticle article = EncodedArticle.of(generator.next(), topics);
            long sentAt = System.nanoTime();
            enriched.await(article.id(), sentAt);
            pipeline.sent().sent(article.publishedAt(), sentAt);
            producer.send(new ProducerRecord<>(topics.articlesRaw().name(), article.id(), article.value()));
            progress.report("latency phase: sent", i + 1, count);
        }
        producer.flush();
        generator.burstEvery(ArticleGenerator.BURST_INTERVAL, Vocabulary.BURST_ACTORS); // the soak's mix as before
        Deadline deadline = Deadline.after(timeout);
        boolean arrived = deadline.await(() -> {
            pipeline.check();
            progress.report("latency phase: enriched", enriched.arrived(), count);
            return enriched.arrived() >= count;
        });
        // the last alerts come after the last enriched article: wait for the alerts job too
        boolean drained = arrived && deadline.await(() -> {
            pipeline.check();
            return pipeline.enrichDrain().drained() && pipeline.alertsDrain().drained();
        });
        Thread.sleep(READERS_POLL_MILLIS * 5); // committed now; give our readers a few polls to see it
        return new Result(count, enriched.arrived(), enriched.latency(), pipeline.counts().latency(),
                pipeline.alerts().latency(), drained);
    }
}
