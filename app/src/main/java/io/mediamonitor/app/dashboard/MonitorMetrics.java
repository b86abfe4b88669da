package io.mediamonitor.app.dashboard;

import io.mediamonitor.kafka.DeadLetterCount;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's meters, scraped in Prometheus text format at /metrics. The counters below are the
 * domain's; their Prometheus names are the dotted names with dots as underscores and
 * {@code _total} appended (e.g. {@code media_monitor_articles_published_total}). Kafka clients and
 * Streams applications bound here expose their own metrics ({@code kafka_producer_*},
 * {@code kafka_consumer_*}, {@code kafka_stream_*}: those Kafka records at its INFO level, {@link KafkaMeters}), and
 * JVM metrics are bound at creation.
 */
public final class MonitorMetrics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MonitorMetrics.class);

    /** Feed entries parsed from fetched documents. */
    public static final String ARTICLES_FETCHED = "media_monitor.articles.fetched";
    /** New articles written to the raw articles topic. */
    public static final String ARTICLES_PUBLISHED = "media_monitor.articles.published";
    /** Failed feed polls, tagged {@code reason} (http, timeout, parse, network...). */
    public static final String FEED_ERRORS = "media_monitor.feed.errors";
    /** Articles tagged by enrich; the tagging rate is its rate(). */
    public static final String ARTICLES_TAGGED = "media_monitor.articles.tagged";
    /** Alert records raised, tagged {@code status} and {@code severity}. */
    public static final String ALERTS_RAISED = "media_monitor.alerts.raised";
    /** Records sent to the dead-letter topic, tagged {@code source} (the topic they came from). */
    public static final String RECORDS_DEADLETTERED = "media_monitor.records.deadlettered";

    private final PrometheusMeterRegistry registry;
    private final List<AutoCloseable> bindings = new ArrayList<>();
    private final AutoCloseable deadLetters;

    public MonitorMetrics() {
        this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public MonitorMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        KafkaMeters.filters().forEach(registry.config()::meterFilter);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        track(new JvmGcMetrics());
        deadLetters = DeadLetterCount.listen(source -> recordsDeadLettered(source).increment());
    }

    /**
     * Shows the dead-letter counter of each topic at 0 before any letter: a counter that first appears at 1 is a step
     * Prometheus' {@code increase()} cannot see, so the first dead letter would raise no alert.
     */
    public MonitorMetrics expectDeadLettersFrom(Collection<String> sourceTopics) {
        sourceTopics.forEach(this::recordsDeadLettered);
        return this;
    }

    /** The registry other parts of the app add their meters to. */
    public MeterRegistry registry() {
        return registry;
    }

    public Counter articlesFetched() {
        return registry.counter(ARTICLES_FETCHED);
    }

    public Counter articlesPublished() {
        return registry.counter(ARTICLES_PUBLISHED);
    }

    public Counter feedErrors(String reason) {
        return registry.counter(FEED_ERRORS, "reason", reason);
    }

    public Counter articlesTagged() {
        return registry.counter(ARTICLES_TAGGED);
    }

    public Counter alertsRaised(String status, String severity) {
        return registry.counter(ALERTS_RAISED, "status", status, "severity", severity);
    }

    public Counter recordsDeadLettered(String sourceTopic) {
        return registry.counter(RECORDS_DEADLETTERED, "source", sourceTopic);
    }

    /** Exposes a Streams application's client metrics until {@link #close()}. */
    public MonitorMetrics bind(KafkaStreams streams) {
        return track(new KafkaStreamsMetrics(streams));
    }

    public MonitorMetrics bind(Producer<?, ?> producer) {
        return track(new KafkaClientMetrics(producer));
    }

    public MonitorMetrics bind(Consumer<?, ?> consumer) {
        return track(new KafkaClientMetrics(consumer));
    }

    private <B extends MeterBinder & AutoCloseable> MonitorMetrics track(B binder) {
        binder.bindTo(registry);
        synchronized (bindings) {
            bindings.add(binder);
        }
        return this;
    }

    /** Every meter in the Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        synchronized (bindings) {
            for (AutoCloseable binding : bindings) {
                try {
                    binding.close();
                } catch (Exception e) {
                    log.debug("closing a metrics binding failed", e);
                }
            }
            bindings.clear();
        }
        try {
            deadLetters.close();
        } catch (Exception e) {
            log.debug("closing the dead-letter listener failed", e);
        }
        registry.close();
    }
}
