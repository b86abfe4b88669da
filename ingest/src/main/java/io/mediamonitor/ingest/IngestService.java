package io.mediamonitor.ingest;

import io.mediamonitor.ingest.fetch.FeedFetcher;
import io.mediamonitor.ingest.kafka.FeedAssignments;
import io.mediamonitor.ingest.kafka.KafkaSettings;
import io.mediamonitor.ingest.kafka.SeenIds;
import io.mediamonitor.ingest.kafka.TopicTail;
import io.mediamonitor.ingest.schedule.PollPlanner;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.Feed;
import io.mediamonitor.schema.Topic;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingester: polls the feeds this instance owns (configured feeds plus those registered on the
 * feeds topic, shared among instances by the consumer group) and publishes every new article
 * exactly once to {@code articles.raw}, keyed by article id, with an idempotent producer. Feed
 * health and polling state go to the compacted {@code feeds.status} topic after every poll.
 *
 * <p>{@link #start()} polls each feed on its own schedule until {@link #stop()}; {@link #runOnce()}
 * polls every owned feed once, now, and reports.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(60);
    private static final long SCHEDULER_TICK_MS = 250;

    private final Map<String, Object> kafka;
    private final Topics topics;
    private final IngestConfig config;
    private final List<Feed> configuredFeeds;
    private final SeenIds seen;
    private final PollPlanner planner;
    private final Map<String, FeedState> states = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    private FeedFetcher fetcher;
    private FeedPoller poller;
    private KafkaProducer<String, byte[]> producer;
    private TopicTail tail;
    private FeedAssignments assignments;
    private ExecutorService workers;
    private Thread scheduler;
    private volatile boolean initialized;
    private volatile boolean running;
    private volatile IngestListener listener = IngestListener.NONE;

    public IngestService(Map<String, Object> kafka, Topics topics, IngestConfig config, List<Feed> configuredFeeds) {
        this.kafka = Map.copyOf(kafka);
        this.topics = topics;
        this.config = config;
        this.configuredFeeds = List.copyOf(configuredFeeds);
        this.seen = new SeenIds(config.seenCapacity());
        this.planner = new PollPlanner(config.minPollInterval(), config.maxPollInterval(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Who is told about every poll (metrics); set before start. */
    public void setListener(IngestListener listener) {
        this.listener = listener == null ? IngestListener.NONE : listener;
    }

    /** Connects, restores state, then polls each owned feed on its schedule until {@link #stop()}. */
    public synchronized void start() {
        initialize();
        if (running) {
            return;
        }
        running = true;
        scheduler = new Thread(this::scheduleLoop, "ingest-scheduler");
        scheduler.setDaemon(true);
        scheduler.start();
        log.info("Ingest started: {} feeds owned", assignments.owned().size());
    }

    /** Polls every feed owned now, once, ignoring schedules; waits for the articles to be acknowledged. */
    public IngestReport runOnce() throws InterruptedException {
        initialize();
        Instant now = Instant.now();
        List<Future<FeedReport>> pending = new ArrayList<>();
        for (Feed feed : assignments.owned().values()) {
            FeedState state = stateOf(feed);
            if (!inFlight.add(state.url)) {
                continue; // the scheduler is on it right now
            }
            pending.add(workers.submit(() -> {
                try {
                    return pollAndPublish(state, now);
                } finally {
                    inFlight.remove(state.url);
                }
            }));
        }
        List<FeedReport> reports = new ArrayList<>();
        for (Future<FeedReport> future : pending) {
            try {
                reports.add(future.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a feed poll failed unexpectedly", e.getCause());
            }
        }
        producer.flush();
        IngestReport report = new IngestReport(reports);
        log.info("Ingest cycle: {}", report);
        return report;
    }

    /** URLs of the feeds this instance owns now. */
    public Set<String> ownedFeeds() {
        return assignments == null ? Set.of() : assignments.owned().keySet();
    }

    /** Number of article ids remembered as published (restored, tailed and published here). */
    public int seenIds() {
        return seen.size();
    }

    private synchronized void initialize() {
        if (initialized) {
            return;
        }
        try (Admin admin = Admin.create(kafka)) {
            new TopicProvisioner(admin, (short) -1)
                    .ensure(List.of(topics.articlesRaw(), topics.feeds(), topics.feedsStatus()));
        }
        fetcher = new FeedFetcher(config.fetchLimits());
        poller = new FeedPoller(fetcher, config);
        producer = new KafkaProducer<>(KafkaSettings.producer(kafka, "media-monitor-ingest"));
        for (Feed feed : configuredFeeds) {
            send(topics.feeds(), feed.getUrl(), feed);
        }
        producer.flush();
        tail = new TopicTail(kafka, topics, seen);
        tail.restore(RESTORE_TIMEOUT);
        tail.follow();
        assignments = new FeedAssignments(kafka, topics, config.groupId());
        assignments.start();
        try {
            if (!assignments.awaitReady(ASSIGNMENT_TIMEOUT)) {
                log.warn("No feed partitions assigned after {}; polling what is known", ASSIGNMENT_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.fetchThreads(), r -> {
            Thread t = new Thread(r, "ingest-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        initialized = true;
        log.info("Ingest ready: {} configured feeds, {} owned, {} published ids known", configuredFeeds.size(),
                assignments.owned().size(), seen.size());
    }

    private void scheduleLoop() {
        while (running) {
            try {
                Instant now = Instant.now();
                Map<String, Feed> owned = assignments.owned();
                // forget feeds that moved away, so taking them back restores their latest status
                states.keySet().removeIf(url -> !owned.containsKey(url) && !inFlight.contains(url));
                for (Feed feed : owned.values()) {
                    FeedState state = stateOf(feed);
                    if (state.due(now) && inFlight.add(state.url)) {
                        workers.submit(() -> {
                            try {
                                pollAndPublish(state, Instant.now());
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } catch (RuntimeException e) {
                                log.error("Polling {} failed unexpectedly", state.url, e);
                            } finally {
                                inFlight.remove(state.url);
                            }
                        });
                    }
                }
                Thread.sleep(SCHEDULER_TICK_MS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Ingest scheduler error", e);
            }
        }
    }

    private FeedState stateOf(Feed feed) {
        FeedState state = states.computeIfAbsent(feed.getUrl(), url -> new FeedState(feed, tail.status(url)));
        state.feed = feed; // name, language or interval may have been edited on the topic
        return state;
    }

    /** One feed: poll, publish what is new, update and publish its status. */
    private FeedReport pollAndPublish(FeedState state, Instant now) throws InterruptedException {
        state.lastAttemptAt = now;
        PollOutcome outcome = poller.poll(state.url, state.currentUrl, state.feed.getName(), state.feed.getLanguage(),
                state.etag, state.lastModified, now);
        String error = outcome.error();
        int published = 0;
        if (outcome.ok() && !outcome.notModified()) {
            try {
                // oldest first: downstream windows run on event time, and a backlog in feed order
                // (newest first) would make every older item look late
                published = publishNew(outcome.articles().stream()
                        .sorted(java.util.Comparator.comparing(Article::getPublishedAt)).toList());
            } catch (PublishException e) {
                error = e.getMessage();
            }
        }
        Duration base = state.baseInterval(config);
        state.httpStatus = outcome.httpStatus();
        if (error == null) {
            state.consecutiveFailures = 0;
            state.lastSuccessAt = now;
            state.etag = outcome.etag();
            state.lastModified = outcome.lastModified();
            if (outcome.permanentUrl() != null && !outcome.permanentUrl().equals(state.currentUrl)) {
                log.info("Feed {} moved permanently to {}", state.url, outcome.permanentUrl());
                state.currentUrl = outcome.permanentUrl();
            }
            if (outcome.feedTitle() != null) {
                state.title = outcome.feedTitle();
            }
            if (!outcome.notModified()) {
                state.itemsSeen = outcome.itemsSeen();
                state.newArticles = published;
            } else {
                state.newArticles = 0;
            }
            List<Instant> times = outcome.articles().stream().map(Article::getPublishedAt).toList();
            times.stream().max(Instant::compareTo).ifPresent(latest -> {
                if (state.lastArticleAt == null || latest.isAfter(state.lastArticleAt)) {
                    state.lastArticleAt = latest;
                }
            });
            state.interval = planner.afterSuccess(base, times, now, state.interval, outcome.serverHint());
            state.nextPollAt = now.plus(planner.jitter(state.interval));
            log.debug("Feed {}: {} items, {} new{}", state.url, outcome.itemsSeen(), published,
                    outcome.notModified() ? " (not modified)" : "");
        } else {
            state.consecutiveFailures++;
            state.lastErrorAt = now;
            state.lastError = error;
            state.newArticles = 0;
            state.nextPollAt = now.plus(planner.afterFailure(base, state.consecutiveFailures, outcome.retryAfter()));
            log.info("Feed {} failed ({} in a row): {}; next poll at {}", state.url, state.consecutiveFailures, error,
                    state.nextPollAt);
        }
        send(topics.feedsStatus(), state.url, state.toStatus());
        FeedReport report = new FeedReport(state.url, error == null, outcome.notModified(), outcome.httpStatus(),
                outcome.itemsSeen(), published, error, outcome.elapsed());
        try {
            listener.feedPolled(report);
        } catch (RuntimeException e) {
            log.warn("Ingest listener failed on {}: {}", state.url, e.toString());
        }
        return report;
    }

    /** Sends the articles not published before and waits for their acknowledgement. */
    private int publishNew(List<Article> articles) throws InterruptedException, PublishException {
        List<Article> fresh = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (Article article : articles) {
            if (seen.add(article.getId())) {
                fresh.add(article);
                acks.add(send(topics.articlesRaw(), article.getId(), article));
            }
        }
        String failure = null;
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(config.requestTimeout().toMillis() + 120_000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // not published: forget it so the next poll (validators are not updated) tries again
                seen.remove(fresh.get(i).getId());
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                failure = "publish failed: " + cause.getMessage();
            }
        }
        if (failure != null) {
            throw new PublishException(failure);
        }
        return fresh.size();
    }

    private <V> Future<RecordMetadata> send(Topic<String, V> topic, String key, V value) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        return producer.send(new ProducerRecord<>(topic.name(), key, bytes));
    }

    private static final class PublishException extends Exception {
        PublishException(String message) {
            super(message);
        }
    }

    /** Stops polling, lets polls in progress finish, and closes the Kafka clients. */
    public synchronized void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.interrupt();
            try {
                scheduler.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
        if (workers != null) {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(config.requestTimeout().toSeconds() + 10, TimeUnit.SECONDS)) {
                    workers.shutdownNow();
                }
            } catch (InterruptedException e) {
                workers.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (assignments != null) {
            assignments.close();
        }
        if (tail != null) {
            tail.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
        initialized = false;
        log.info("Ingest stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
