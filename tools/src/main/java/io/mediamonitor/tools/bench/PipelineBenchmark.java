package io.mediamonitor.tools.bench;

import io.mediamonitor.model.Article;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The pipeline benchmark: generated articles through the real enrich and alerts jobs on a real
 * cluster, in one run — raw Kafka as the yardstick, then throughput, latency at a fixed rate, peak
 * heap, bytes written per article and, on request, a soak — so every figure can be read against
 * the others. Everything it creates is named after a fresh run id and deleted at the end.
 */
public final class PipelineBenchmark {

    /** The most articles the soak's sender keeps waiting for the jobs (its help says so). */
    public static final long SOAK_MAX_AHEAD = SoakPhase.MAX_AHEAD;

    private PipelineBenchmark() {
    }

    /**
     * Runs every phase against the cluster in {@code clientConfig} (bootstrap.servers and any client
     * setting) and returns the figures; progress goes to {@code log}.
     */
    public static PipelineReport run(PipelineOptions options, PipelineSettings settings, Map<String, Object> clientConfig,
                                     PrintStream log) throws Exception {
        return run(options, settings, clientConfig, null, log);
    }

    /**
     * As above; {@code brokerRestart}, when given, stops and restarts the broker halfway through the soak, and the
     * enriched topic is then read whole to check that nothing was lost or doubled.
     */
    public static PipelineReport run(PipelineOptions options, PipelineSettings settings, Map<String, Object> clientConfig,
                                     Runnable brokerRestart, PrintStream log) throws Exception {
        int windowsPerArticle = settings.windowsPerArticle();
        String runId = "bench-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Topics topics = new Topics(runId + ".", settings.partitions());
        long planned = options.warmup() + options.articles() + options.latencyArticles() + options.soakArticles();
        Duration span = ArticleGenerator.span(planned, options.articlesPerHour());
        // The whole run's timeline ends near now: the Streams outputs carry event time, and brokers refuse
        // timestamps more than an hour ahead (log.message.timestamp.after.max.ms).
        ArticleGenerator generator = new ArticleGenerator(options.seed(), Instant.now().minus(span),
                options.articlesPerHour());
        log.printf("Run %s: generating %,d + %,d articles (seed %d)%n", runId, options.warmup(), options.articles(),
                options.seed());
        List<EncodedArticle> warmup = new ArrayList<>(options.warmup());
        for (int i = 0; i < options.warmup(); i++) {
            warmup.add(EncodedArticle.of(generator.next(), topics));
        }
        List<EncodedArticle> batch = new ArrayList<>(options.articles());
        double minKb = Double.MAX_VALUE;
        double maxKb = 0;
        for (int i = 0; i < options.articles(); i++) {
            Article article = generator.next();
            double kb = textBytes(article) / 1024.0;
            minKb = Math.min(minKb, kb);
            maxKb = Math.max(maxKb, kb);
            batch.add(EncodedArticle.of(article, topics));
        }
        long generated = generator.produced(); // the warm-up's and the measured articles: the same mix
        PipelineReport.Mix mix = new PipelineReport.Mix(options.articles(), ArticleGenerator.OUTLETS, minKb, maxKb,
                100.0 * generator.mix().wireCopies() / generated,
                100.0 * generator.mix().late() / generated, span.toMinutes() / 60.0, settings.partitions());
        List<String> notes = new ArrayList<>();

        try (Admin admin = Admin.create(clientConfig)) {
            try {
                if (!warmup.isEmpty()) {
                    log.printf("Raw Kafka warm-up: %,d records%n", warmup.size());
                    RawBaseline.run(clientConfig, admin, runId + "-warmup", warmup, options.timeout(),
                            new Progress(log));
                }
                log.println("Raw Kafka baseline");
                RawBaseline.Result baseline = RawBaseline.run(clientConfig, admin, runId + "-baseline", batch,
                        options.timeout(), new Progress(log));
                new TopicProvisioner(admin, (short) -1).ensure(topics);
                log.printf("Kafka Streams baseline: the same records copied by an exactly-once job, %d partitions%n",
                        settings.partitions());
                Throughput streamsBaseline = StreamsBaseline.run(clientConfig, admin, runId, topics,
                        settings.partitions(), warmup, batch, options.timeout(), new Progress(log));
                // the latency phase's bursts are about keywords an operator added at runtime, many alerts to time
                WatchedKeywords.add(clientConfig, topics, Vocabulary.WATCHED_KEYWORDS, runId + "-watch");
                log.println("Starting the enrich and alerts jobs");
                try (PipelineJobs jobs = new PipelineJobs(topics, settings, clientConfig, runId);
                     Pipeline pipeline = new Pipeline(jobs.started(), topics, clientConfig, admin);
                     KafkaProducer<String, byte[]> producer = BenchClients.producer(clientConfig, runId + "-raw")) {
                    TopicOffsets offsets = new TopicOffsets(admin, List.of(topics.prefix(),
                            jobs.enrichApplicationId() + "-", jobs.alertsApplicationId() + "-"));
                    SentBytes sent = new SentBytes(List.of(producer::metrics, jobs.enrich()::metrics,
                            jobs.alerts()::metrics));
                    HeapMeter heap = new HeapMeter();
                    GcPauses gc = new GcPauses();
                    CpuMeter cpu = new CpuMeter(jobs.enrichApplicationId(), jobs.alertsApplicationId());
                    if (!warmup.isEmpty()) {
                        log.printf("Pipeline warm-up: %,d articles, not measured%n", warmup.size());
                        ThroughputPhase.Result warm = ThroughputPhase.run(producer, topics.articlesRaw().name(), warmup,
                                pipeline, windowsPerArticle, options.timeout(), new Progress(log));
                        if (!warm.drained()) {
                            notes.add("The warm-up did not drain before its deadline (--timeout): the throughput phase "
                                    + "started on a backlog.");
                        }
                        warmup.clear();
                    }
                    Map<String, Long> sentBefore = sent.byTopic();
                    Map<String, Long> offsetsBefore = offsets.offsetsByTopic();
                    heap.reset();
                    gc.reset();
                    cpu.start();
                    log.printf("Throughput: %,d articles as fast as they go%n", options.articles());
                    ThroughputPhase.Result throughput = ThroughputPhase.run(producer, topics.articlesRaw().name(), batch,
                            pipeline, windowsPerArticle, options.timeout(), new Progress(log));
                    Map<String, Double> cpuSeconds = cpu.seconds();
                    Map<String, Long> written = TopicOffsets.increase(sentBefore, sent.byTopic());
                    Map<String, Long> offsetsTaken = TopicOffsets.increase(offsetsBefore, offsets.offsetsByTopic());
                    batch.clear(); // the soak must not hold the throughput phase's articles
                    noteThroughput(throughput, options, settings, notes);

                    log.printf("Latency: %,d articles/s for %d s%n", options.rate(), options.latencyPhase().toSeconds());
                    LatencyPhase.Result latency = LatencyPhase.run(producer, topics, generator, pipeline, options.rate(),
                            options.latencyPhase(), options.timeout(), new Progress(log));
                    long peakHeap = heap.peakBytes();
                    long maxHeap = heap.maxBytes();
                    heap.close();
                    GcPauses.Summary pauses = gc.summary();
                    gc.close();
                    if (!latency.drained()) {
                        notes.add(String.format("The latency phase timed out: %,d of %,d articles reached the enriched "
                                + "topic; alerts still queued were not timed.", latency.arrived(), latency.sent()));
                    }

                    SoakPhase.Result soak = null;
                    if (options.soakArticles() > 0) {
                        log.printf("Soak: %,d articles as fast as they go, at most %,d waiting%n", options.soakArticles(),
                                SoakPhase.maxAhead(options.soakArticles()));
                        Runnable halfway = brokerRestart == null ? null : () -> {
                            log.println("  restarting the broker halfway through the soak");
                            brokerRestart.run();
                        };
                        soak = SoakPhase.run(producer, topics, generator, pipeline, options.soakArticles(),
                                options.timeout(), new Progress(log), cpu::processNanos, halfway);
                        if (!soak.complete()) {
                            notes.add("The soak timed out after " + soak.tenths().size() + " of 10 tenths.");
                        }
                        if (brokerRestart != null) {
                            log.println("Reading the enriched topic whole");
                            ExactnessCheck.Result exact = ExactnessCheck.scan(clientConfig,
                                    topics.articlesEnriched().name(), generator.produced(), options.timeout());
                            notes.add("The broker was stopped and restarted halfway through the soak; the enriched "
                                    + "topic then held " + exact.describe() + ".");
                        }
                    }
                    notes.add(pipeline.alerts().summary() + String.format(" The generator injected %d bursts.",
                            generator.mix().bursts()));
                    return new PipelineReport(options, mix, baseline, streamsBaseline, throughput, latency, peakHeap,
                            maxHeap, pauses, cpuSeconds, written, offsetsTaken, soak, notes);
                }
            } finally {
                deleteTopicsOf(admin, runId, log);
            }
        }
    }

    private static void noteThroughput(ThroughputPhase.Result throughput, PipelineOptions options,
                                       PipelineSettings settings, List<String> notes) {
        long counted = throughput.windowArticles();
        long expected = (long) settings.windowsPerArticle() * options.articles();
        if (throughput.mentions().complete() && counted < expected) {
            notes.add(String.format("The counts hold %,d of %,d window slots (%d per article): articles later than "
                            + "the windows' lateness (%d h) are not counted.", counted, expected,
                    settings.windowsPerArticle(), settings.enrich().lateness().toHours()));
        }
        if (!throughput.drained()) {
            notes.add("The throughput phase did not drain before its deadline (--timeout): the latency phase ran on "
                    + "a backlog, so its latencies include queueing.");
        }
    }

    private static int textBytes(Article article) {
        return article.getTitle().getBytes(StandardCharsets.UTF_8).length
                + article.getSummary().getBytes(StandardCharsets.UTF_8).length;
    }

    private static void deleteTopicsOf(Admin admin, String runId, PrintStream log) {
        try {
            List<String> ours = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith(runId)).toList();
            admin.deleteTopics(ours).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // topics left behind on a shared cluster are named after the run: say so, do not fail the figures
            log.println("Could not delete the topics of " + runId + ": " + e.getMessage());
        }
    }
}
