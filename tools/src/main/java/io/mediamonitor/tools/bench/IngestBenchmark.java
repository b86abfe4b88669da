package io.mediamonitor.tools.bench;

import io.mediamonitor.ingest.FeedPoller;
import io.mediamonitor.ingest.IngestConfig;
import io.mediamonitor.ingest.PollOutcome;
import io.mediamonitor.ingest.fetch.FeedFetcher;
import io.mediamonitor.ingest.kafka.SeenIds;
import io.mediamonitor.model.Article;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls N locally served feeds through the real fetch, parse and normalize path (plus the seen-id
 * check the service does; no Kafka) and prints feeds/s, articles/s and peak heap. Half the feeds
 * answer 304 to a conditional GET, the other half a 20-item RSS document. A figure printer, not a
 * test: run with {@code -Xmx512m}, e.g. through {@code media-monitor bench ingest}.
 */
public final class IngestBenchmark {

    private static final int HOSTS = 8;
    private static final int ITEMS_PER_FEED = 20;

    /**
     * The figures of one measured cycle.
     *
     * @param feeds          feeds polled
     * @param ok             polls that succeeded
     * @param notModified    polls answered 304
     * @param articles       articles normalized (and new to the seen-id set)
     * @param elapsed        wall time of the cycle
     * @param peakHeapBytes  peak heap used during the cycle (sum of the heap pools' peaks)
     * @param maxHeapBytes   the JVM's heap limit
     */
    public record Result(int feeds, int ok, int notModified, long articles, Duration elapsed, long peakHeapBytes,
                         long maxHeapBytes) {

        public double feedsPerSecond() {
            return feeds / seconds();
        }

        public double articlesPerSecond() {
            return articles / seconds();
        }

        private double seconds() {
            return Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    private IngestBenchmark() {
    }

    public static Result run(int feeds, PrintStream out) throws InterruptedException {
        IngestConfig config = IngestConfig.defaults().withAllowPrivateAddresses(true);
        out.printf("Ingest benchmark: %d feeds on %d local hosts (%d per host at once), %d worker threads, "
                        + "half 304 / half 200 with %d items, heap limit %d MB, %d CPUs%n",
                feeds, HOSTS, config.perHostConcurrency(), config.fetchThreads(), ITEMS_PER_FEED,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        try (SyntheticFeedServer server = new SyntheticFeedServer(HOSTS, ITEMS_PER_FEED, 4)) {
            FeedPoller poller = new FeedPoller(new FeedFetcher(config.fetchLimits()), config);
            ExecutorService workers = Executors.newFixedThreadPool(config.fetchThreads());
            try {
                int warmup = Math.min(1_000, Math.max(1, feeds / 10));
                // warm-up on other feed numbers, so the measured cycle fetches fresh documents
                cycle(server, poller, workers, feeds, warmup, new SeenIds(config.seenCapacity()));
                System.gc();
                Result result = cycle(server, poller, workers, 0, feeds, new SeenIds(config.seenCapacity()));
                out.printf("Cycle: %d feeds in %.2f s = %.0f feeds/s; %d articles = %.0f articles/s; "
                                + "%d ok (%d not modified); peak heap %d MB of %d MB%n",
                        result.feeds(), result.elapsed().toMillis() / 1000.0, result.feedsPerSecond(),
                        result.articles(), result.articlesPerSecond(), result.ok(), result.notModified(),
                        result.peakHeapBytes() >> 20, result.maxHeapBytes() >> 20);
                return result;
            } finally {
                workers.shutdownNow();
            }
        }
    }

    private static Result cycle(SyntheticFeedServer server, FeedPoller poller, ExecutorService workers, int first,
                                int count, SeenIds seen) throws InterruptedException {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong articles = new AtomicLong();
        Instant now = Instant.now();
        long start = System.nanoTime();
        List<Future<PollOutcome>> results = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            int n = i;
            // even feeds were seen before: the conditional GET gets a 304
            String etag = n % 2 == 0 ? SyntheticFeedServer.etag(n) : null;
            results.add(workers.submit(() -> {
                PollOutcome outcome = poller.poll(server.url(n), null, null, null, etag, null, now);
                for (Article article : outcome.articles()) {
                    if (seen.add(article.getId())) {
                        articles.incrementAndGet();
                    }
                }
                return outcome;
            }));
        }
        int ok = 0;
        int notModified = 0;
        for (Future<PollOutcome> f : results) {
            try {
                PollOutcome outcome = f.get();
                ok += outcome.ok() ? 1 : 0;
                notModified += outcome.notModified() ? 1 : 0;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("benchmark poll crashed", e.getCause());
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Result(count, ok, notModified, articles.get(), elapsed, peak, Runtime.getRuntime().maxMemory());
    }
}
