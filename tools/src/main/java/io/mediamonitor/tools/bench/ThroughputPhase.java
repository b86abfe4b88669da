package io.mediamonitor.tools.bench;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The N articles sent to the raw topic as fast as the producer goes, then three waits, all timed from
 * the first send: every article on the enriched topic; the mention counts holding every article enrich
 * will ever count; the alerts job done with all of it. Each wait stops at the deadline with the
 * progress reached.
 */
final class ThroughputPhase {

    /** Quiet time after enrich has committed everything, for the last totals to reach our reader. */
    private static final long SETTLE_NANOS = 2_000_000_000L;

    /**
     * @param windowArticles Σ over the totals' windows of their article counts when it ended: 6 × the
     *                       articles counted; less than 6 × N when articles came too late for their windows
     * @param drained        whether both jobs had committed all their input at the end
     */
    record Result(Throughput enriched, Throughput mentions, Throughput alerts, long windowArticles, boolean drained) {
    }

    private ThroughputPhase() {
    }

    static Result run(KafkaProducer<String, byte[]> producer, String rawTopic, List<EncodedArticle> articles,
                      Pipeline pipeline, int windowsPerArticle, Duration timeout, Progress progress)
            throws Exception {
        EnrichedArrivals enriched = pipeline.enriched();
        MentionTotals totals = pipeline.totals();
        long n = articles.size();
        enriched.reset();
        articles.forEach(article -> enriched.await(article.id(), 0));
        long countedBefore = totals.windowArticles();

        // as for the baseline: every partition has taken a lone write before the clock starts (KAFKA-14359)
        int primed = BenchClients.primeWith(producer, rawTopic, articles);
        long start = System.nanoTime();
        for (EncodedArticle article : articles.subList(primed, articles.size())) {
            producer.send(new ProducerRecord<>(rawTopic, article.id(), article.value()));
        }
        producer.flush();
        Deadline deadline = Deadline.after(timeout);

        boolean allEnriched = deadline.await(() -> {
            pipeline.check();
            progress.report("raw → enriched", enriched.arrived(), n);
            return enriched.arrived() >= n;
        });
        Throughput toEnriched = Throughput.between(start, allEnriched ? enriched.lastArrivalNanos() : System.nanoTime(),
                enriched.arrived(), n, allEnriched);

        long target = windowsPerArticle * n;
        long[] drainedSince = {0};
        boolean allCounted = deadline.await(() -> {
            pipeline.check();
            long counted = totals.windowArticles() - countedBefore;
            progress.report("raw → mentions", counted / windowsPerArticle, n);
            if (counted >= target) {
                return true;
            }
            // Articles later than the window grace are never counted in some or all of their windows: once
            // enrich has committed all its input, the counts are as complete as they will get.
            if (!allEnriched || !pipeline.enrichDrain().drained()) {
                drainedSince[0] = 0;
                return false;
            }
            long now = System.nanoTime();
            if (drainedSince[0] == 0) {
                drainedSince[0] = now;
            }
            return now - Math.max(drainedSince[0], totals.lastChangeNanos()) >= SETTLE_NANOS;
        });
        long counted = totals.windowArticles() - countedBefore;
        // articles as the counts hold them: fewer than n when some came too late for their windows
        long articlesCounted = Math.min(n, counted / windowsPerArticle);
        Throughput toMentions = allCounted
                ? Throughput.between(start, totals.lastChangeNanos(), articlesCounted, n, true)
                : Throughput.between(start, System.nanoTime(), articlesCounted, n, false);

        boolean alertsDone = allCounted && deadline.await(() -> {
            pipeline.check();
            progress.behind("alerts", pipeline.alertsDrain().lastLag());
            return pipeline.enrichDrain().drained() && pipeline.alertsDrain().drained();
        });
        // short of caught up, how many articles the alerts job has finished is unknown: none is claimed
        Throughput caughtUp = Throughput.between(start, System.nanoTime(), alertsDone ? n : 0, n, alertsDone);
        return new Result(toEnriched, toMentions, caughtUp, counted, alertsDone);
    }
}
