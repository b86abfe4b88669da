package io.mediamonitor.tools.bench;

import io.mediamonitor.schema.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Many more articles through the same jobs at full speed, generated while they are sent (a million
 * articles do not fit in memory), timing each tenth on the enriched topic: a pipeline whose cost grows
 * with its state shows as later tenths slower than the first. Arrivals are counted, not matched by id:
 * with exactly-once every article reaches the enriched topic once.
 *
 * <p>The sender stays at most {@link #MAX_AHEAD} articles (a tenth of a shorter soak) ahead of the enriched topic.
 * Unbounded, it wrote the whole soak into the raw topic during the first tenths while the jobs read it: its work
 * slowed the first tenths only, and the jobs' first step (dropping repeats, a cheap one) could run through far more
 * articles than the tenth being timed, so a last tenth faster than the first said nothing about state growth.
 */
final class SoakPhase {

    /** Articles sent but not yet enriched, at most: about ten seconds of work for the jobs on this machine. */
    static final long MAX_AHEAD = 10_000;

    /** How far a soak of {@code articles} lets its sender run ahead: {@link #MAX_AHEAD}, or a tenth of a short one. */
    static long maxAhead(long articles) {
        return Math.max(1, Math.min(MAX_AHEAD, articles / 10));
    }

    /**
     * @param tenths            the throughput of each tenth reached before the deadline, in order
     * @param cpuMicrosPerTenth the process's CPU per article in each of those tenths (broker, jobs and sender if they
     *                          share it), in µs: a tenth slower at the same cost per article is the machine's noise,
     *                          not state growing. Per article sent and enriched, halved: the first tenth pays for
     *                          the articles sent ahead of the jobs, the last one finds some already half done
     */
    record Result(long articles, List<Throughput> tenths, List<Double> cpuMicrosPerTenth, boolean complete) {

        /** Last tenth's rate over the first's, NaN with fewer than two tenths. */
        double lastOverFirst() {
            return tenths.size() < 2 ? Double.NaN
                    : tenths.get(tenths.size() - 1).perSecond() / tenths.get(0).perSecond();
        }

        /** Last tenth's CPU per article over the first's, NaN with fewer than two tenths. */
        double cpuLastOverFirst() {
            return cpuMicrosPerTenth.size() < 2 ? Double.NaN
                    : cpuMicrosPerTenth.get(cpuMicrosPerTenth.size() - 1) / cpuMicrosPerTenth.get(0);
        }

        /** The line through every tenth's throughput, or null with fewer than three tenths. */
        SoakTrend throughputTrend() {
            return SoakTrend.of(tenths.stream().map(Throughput::perSecond).toList());
        }

        /** The line through every tenth's CPU per article, or null with fewer than three tenths. */
        SoakTrend cpuTrend() {
            return SoakTrend.of(cpuMicrosPerTenth);
        }
    }

    private SoakPhase() {
    }

    /**
     * @param cpuNanos the process's CPU time so far
     * @param halfway  run once when half the articles went through (a broker restart), or null
     */
    static Result run(KafkaProducer<String, byte[]> producer, Topics topics, ArticleGenerator generator,
                      Pipeline pipeline, long articles, Duration timeout, Progress progress, LongSupplier cpuNanos,
                      Runnable halfway) throws InterruptedException {
        EnrichedArrivals enriched = pipeline.enriched();
        long base = enriched.total();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicLong sent = new AtomicLong();
        Thread sender = new Thread(() -> {
            try {
                long ahead = maxAhead(articles);
                for (long i = 0; i < articles && !Thread.currentThread().isInterrupted(); i++) {
                    while (i - (enriched.total() - base) >= ahead) {
                        Thread.sleep(5);
                    }
                    EncodedArticle article = EncodedArticle.of(generator.next(), topics);
                    producer.send(new ProducerRecord<>(topics.articlesRaw().name(), article.id(), article.value()));
                    sent.incrementAndGet();
                }
                producer.flush();
            } catch (RuntimeException e) {
                failure.set(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the soak ended (its deadline): nothing more to send
            }
        }, "bench-soak-sender");
        long tenth = Math.max(1, articles / 10);
        List<Throughput> tenths = new ArrayList<>();
        List<Double> cpuPerArticle = new ArrayList<>();
        long start = System.nanoTime();
        sender.start();
        // the previous check (count, time) and the end of the last tenth
        long[] previous = {0, start};
        long[] tenthEnd = {start};
        // the CPU time, the articles done and the articles sent at the check that ended the last tenth
        long[] cpuAtTenth = {cpuNanos.getAsLong(), 0, 0};
        boolean[] halfwayDone = {false};
        Deadline deadline = Deadline.after(timeout);
        boolean complete = deadline.await(() -> {
            pipeline.check();
            if (failure.get() != null) {
                throw new IllegalStateException("sending the soak articles failed", failure.get());
            }
            long done = enriched.total() - base;
            long now = System.nanoTime();
            progress.report("soak", done, articles);
            int before = tenths.size();
            while (tenths.size() < 10 && done >= (tenths.size() + 1) * tenth) {
                // a check can pass several tenths at once: place each boundary between the two checks
                long boundary = (tenths.size() + 1) * tenth;
                long at = previous[1] + (now - previous[1]) * (boundary - previous[0]) / Math.max(1, done - previous[0]);
                tenths.add(Throughput.between(tenthEnd[0], at, tenth, tenth, true));
                tenthEnd[0] = at;
            }
            if (tenths.size() > before) {
                // read at the check, not at the boundary placed between two checks: the articles done since the
                // last such check share its CPU time, counted as sent and as enriched (see Result)
                long cpu = cpuNanos.getAsLong();
                long sentNow = sent.get();
                double articlesWorkedOn = ((done - cpuAtTenth[1]) + (sentNow - cpuAtTenth[2])) / 2.0;
                double perArticle = (cpu - cpuAtTenth[0]) / 1e3 / Math.max(1, articlesWorkedOn);
                for (int i = before; i < tenths.size(); i++) {
                    cpuPerArticle.add(perArticle);
                }
                cpuAtTenth[0] = cpu;
                cpuAtTenth[1] = done;
                cpuAtTenth[2] = sentNow;
            }
            previous[0] = done;
            previous[1] = now;
            if (halfway != null && !halfwayDone[0] && done >= articles / 2) {
                halfwayDone[0] = true;
                halfway.run(); // the sender goes on meanwhile: its producer retries until the broker is back
            }
            return done >= articles;
        });
        sender.interrupt();
        sender.join(30_000);
        return new Result(articles, tenths, cpuPerArticle, complete);
    }
}
