package io.mediamonitor.tools.bench;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run as Markdown: one line on the mix and the setup, the table of measures with
 * each throughput's ratio to raw Kafka on the same machine in the same run (absolute figures on a
 * noisy machine mean little alone), the topics that took the bytes, and notes on anything that did not
 * complete.
 */
public final class PipelineReport {

    private static final int TOP_TOPICS = 12;

    /** What was generated for the throughput phase, and the partitions of the topics it went through. */
    record Mix(long articles, int outlets, double minKb, double maxKb, double wirePercent, double latePercent,
               double simulatedHours, int partitions) {
    }

    private final PipelineOptions options;
    private final Mix mix;
    private final RawBaseline.Result baseline;
    private final Throughput streamsBaseline;
    private final ThroughputPhase.Result throughput;
    private final LatencyPhase.Result latency;
    private final long peakHeapBytes;
    private final long maxHeapBytes;
    private final GcPauses.Summary gc;
    private final Map<String, Double> cpuSeconds;
    private final Map<String, Long> bytesWritten;
    private final Map<String, Long> offsetsTaken;
    private final SoakPhase.Result soak;
    private final List<String> notes;

    PipelineReport(PipelineOptions options, Mix mix, RawBaseline.Result baseline, Throughput streamsBaseline,
                   ThroughputPhase.Result throughput, LatencyPhase.Result latency, long peakHeapBytes,
                   long maxHeapBytes, GcPauses.Summary gc, Map<String, Double> cpuSeconds, Map<String, Long> bytesWritten,
                   Map<String, Long> offsetsTaken, SoakPhase.Result soak, List<String> notes) {
        this.options = options;
        this.mix = mix;
        this.baseline = baseline;
        this.streamsBaseline = streamsBaseline;
        this.throughput = throughput;
        this.latency = latency;
        this.peakHeapBytes = peakHeapBytes;
        this.maxHeapBytes = maxHeapBytes;
        this.gc = gc;
        this.cpuSeconds = cpuSeconds;
        this.bytesWritten = bytesWritten;
        this.offsetsTaken = offsetsTaken;
        this.soak = soak;
        this.notes = notes;
    }

    ThroughputPhase.Result throughput() {
        return throughput;
    }

    LatencyPhase.Result latency() {
        return latency;
    }

    /** The soak's tenths, or null when the run had none. */
    SoakPhase.Result soak() {
        return soak;
    }

    RawBaseline.Result baseline() {
        return baseline;
    }

    Throughput streamsBaseline() {
        return streamsBaseline;
    }

    long peakHeapBytes() {
        return peakHeapBytes;
    }

    double bytesPerArticle() {
        return totalBytes() / (double) mix.articles();
    }

    /** Records and transaction markers written per article, all topics of the run. */
    double offsetsPerArticle() {
        return offsetsTaken.values().stream().mapToLong(Long::longValue).sum() / (double) mix.articles();
    }

    private long totalBytes() {
        return bytesWritten.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Total CPU µs per article, then each part's share. */
    private String cpuPerArticle() {
        double perArticle = 1e6 / mix.articles();
        StringBuilder parts = new StringBuilder();
        cpuSeconds.forEach((part, seconds) -> {
            if (!part.equals("total")) {
                parts.append(parts.length() == 0 ? "" : ", ").append(format("%s %,.0f", part, seconds * perArticle));
            }
        });
        return format("%,.0f µs (%s)", cpuSeconds.getOrDefault("total", 0.0) * perArticle, parts);
    }

    public void print(PrintStream out) {
        out.println(format("%,d articles, %.1f–%.1f KB, 2–5 terms (Zipf), %d outlets, %.0f %% wire copies, "
                        + "%.0f %% late by up to 3 h, bursts of rare actors (in the latency phase of keywords added "
                        + "at runtime, every %d simulated minutes and %d articles at least), %.1f simulated hours at "
                        + "%,.0f/h in the whole run, exactly-once, %d partitions, %s",
                mix.articles(), mix.minKb(), mix.maxKb(), mix.outlets(), mix.wirePercent(), mix.latePercent(),
                LatencyPhase.BURST_INTERVAL.toMinutes(), LatencyPhase.ARTICLES_BETWEEN_BURSTS, mix.simulatedHours(),
                options.articlesPerHour(), mix.partitions(), options.setup()));
        out.println();
        out.println("| measure | figure | ratio to raw Kafka |");
        out.println("|---|---|---|");
        double raw = baseline.perSecond();
        out.println(format("| raw Kafka: produce (idempotent, acks=all, lz4) → read_committed consume, %d partitions "
                + "| %,.0f records/s%s | 1 |", RawBaseline.PARTITIONS, raw, baseline.complete() ? ""
                : format(" (timed out: %,d of %,d read)", baseline.read(), baseline.records())));
        row(out, format("Kafka Streams alone: the same records read and written unchanged by an exactly-once job "
                + "with the jobs' settings, no state, %d partitions", mix.partitions()), streamsBaseline, raw,
                "records/s");
        row(out, "raw → enriched (every article id read back)", throughput.enriched(), raw);
        row(out, "raw → mentions (Σ windows of total:articles = 6 × articles)", throughput.mentions(), raw);
        row(out, "alerts caught up (committed offsets = end offsets)", throughput.alerts(), raw);
        out.println(format("| latency raw → enriched at %,d/s, p50 / p99 | %s / %s ms (%,d of %,d articles) | — |",
                options.rate(), millis(latency.enriched(), 50), millis(latency.enriched(), 99), latency.enriched().count(),
                latency.sent()));
        out.println(format("| latency article → its first mention count, p50 / p99 | %s / %s ms (%,d articles "
                        + "newest in a count) | — |", millis(latency.counts(), 50), millis(latency.counts(), 99),
                latency.counts().count()));
        out.println(format("| latency article → alert, p50 / p99 | %s / %s ms (%,d alert records) | — |",
                millis(latency.alerts(), 50), millis(latency.alerts(), 99), latency.alerts().count()));
        out.println(format("| peak heap used, sampled (broker if embedded, both jobs and the bench share this JVM) "
                + "| %,d MB of %,d MB usable (-Xmx; less a survivor space with the parallel collector) | — |",
                peakHeapBytes >> 20, maxHeapBytes >> 20));
        out.println(format("| garbage collection pauses, throughput and latency phases (collector: %s) "
                + "| %,d pauses, longest %,d ms, %,.1f s in all | — |", gc.collector(), gc.pauses(), gc.longestMs(),
                gc.totalMs() / 1000.0));
        out.println(format("| CPU per article, throughput phase | %s | — |", cpuPerArticle()));
        out.println(format("| bytes written per article (all topics of the run, as the producers sent them) "
                + "| %,.1f KB (%,.1f MB in all) | — |", bytesPerArticle() / 1024, totalBytes() / 1048576.0));
        out.println(format("| records written per article (all topics of the run, transaction markers included) "
                + "| %,.1f | — |", offsetsPerArticle()));
        if (soak != null) {
            printSoakRow(out);
        }
        out.println();
        printTopTopics(out);
        if (soak != null) {
            printSoakTenths(out);
        }
        out.println();
        notes.forEach(note -> out.println("- " + note));
    }

    private static void row(PrintStream out, String measure, Throughput t, double raw) {
        row(out, measure, t, raw, "articles/s");
    }

    private static void row(PrintStream out, String measure, Throughput t, double raw, String unit) {
        String figure = t.complete()
                ? format("%,.0f %s (%,d in %.1f s)", t.perSecond(), unit, t.done(), seconds(t))
                : format("%,.0f %s so far (timed out: %,d of %,d in %.1f s)", t.perSecond(), unit, t.done(), t.total(),
                seconds(t));
        out.println(format("| %s | %s | %s |", measure, figure, ratio(t.ratioTo(raw))));
    }

    private void printSoakRow(PrintStream out) {
        String figure = soak.tenths().isEmpty() ? "no tenth completed"
                : format("%,.0f → %,.0f articles/s (%d of 10 tenths)", soak.tenths().get(0).perSecond(),
                soak.tenths().get(soak.tenths().size() - 1).perSecond(), soak.tenths().size());
        out.println(format("| soak, %,d articles: first → last tenth | %s | last/first %s |", soak.articles(), figure,
                Double.isNaN(soak.lastOverFirst()) ? "—" : format("%.2f", soak.lastOverFirst())));
        printTrendRow(out, "throughput", soak.throughputTrend());
        if (!soak.cpuMicrosPerTenth().isEmpty()) {
            List<Double> cpu = soak.cpuMicrosPerTenth();
            out.println(format("| soak: CPU per article, first → last tenth (all of this process) | %,.0f → %,.0f µs "
                    + "| last/first %s |", cpu.get(0), cpu.get(cpu.size() - 1),
                    Double.isNaN(soak.cpuLastOverFirst()) ? "—" : format("%.2f", soak.cpuLastOverFirst())));
            printTrendRow(out, "CPU per article", soak.cpuTrend());
        }
    }

    /** The least-squares line over all the tenths: a trend two noisy tenths alone cannot show. */
    private static void printTrendRow(PrintStream out, String measure, SoakTrend trend) {
        if (trend != null) {
            out.println(format("| soak: %s, least-squares line over the tenths | %s | fitted last/first %.2f |",
                    measure, trend.describe(), trend.fittedLastOverFirst()));
        }
    }

    private void printTopTopics(PrintStream out) {
        long total = Math.max(1, totalBytes());
        out.println("| topic (largest writers) | bytes per article | share "
                + "| records per article (markers included) |");
        out.println("|---|---|---|---|");
        bytesWritten.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(TOP_TOPICS)
                .forEach(e -> out.println(format("| %s | %,.0f B | %.0f %% | %.2f |", e.getKey(),
                        e.getValue() / (double) mix.articles(), 100.0 * e.getValue() / total,
                        offsetsTaken.getOrDefault(e.getKey(), 0L) / (double) mix.articles())));
    }

    private void printSoakTenths(PrintStream out) {
        out.println();
        out.println("| soak tenth | articles/s | CPU per article (all of this process) |");
        out.println("|---|---|---|");
        for (int i = 0; i < soak.tenths().size(); i++) {
            out.println(format("| %d | %,.0f | %,.0f µs |", i + 1, soak.tenths().get(i).perSecond(),
                    soak.cpuMicrosPerTenth().get(i)));
        }
    }

    private static String millis(LatencyRecorder recorder, double percentile) {
        double ms = recorder.millisAt(percentile);
        return Double.isNaN(ms) ? "—" : format(ms < 10 ? "%.1f" : "%,.0f", ms);
    }

    private static String ratio(double ratio) {
        if (!(ratio > 0)) {
            return "0";
        }
        return ratio >= 0.1 ? format("%.2f", ratio) : format("%.2g (1/%,.0f)", ratio, 1 / ratio);
    }

    private static double seconds(Throughput t) {
        return t.elapsed().toNanos() / 1e9;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
