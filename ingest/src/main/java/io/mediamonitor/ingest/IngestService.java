package io.mediamonitor.ingest;

import io.mediamonitor.ingest.fetch.FeedFetcher;
import io.mediamonitor.ingest.kafka.FeedAssignments;
import io.mediamonitor.ingest.kafka.SeenIds;
import io.mediamonitor.ingest.kafka.TopicTail;
import io.mediamonitor.ingest.schedule.PollPlanner;
import io.mediamonitor.kafka.ClientConfigs;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.Feed;
import io.mediamonitor.schema.Topic;
import io.mediamonitor.schema.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingester: polls the feeds this instance owns (configured feeds plus those registered on the
 * feeds topic, shared among instances by the consumer group) and publishes every new article
 * exactly once to {@code articles.raw}, keyed by article id, with an idempotent producer. Feed
 * health and polling state go to the compacted {@code feeds.status} topic after every poll.
 * Its topics must exist (the CLI's Kafka environment provisions them, with the configured replication).
 *
 * <p>{@link #start()} polls each feed on its own schedule ({@link FeedPolls}) until {@link #stop()};
 * {@link #runOnce()} polls every owned feed once, now, and reports. Each poll moves its {@link FeedState}.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, Object> kafka;
    private final Topics topics;
    private final IngestConfig config;
    private final List<Feed> configuredFeeds;
    private final SeenIds seen;
    private final PollPlanner planner;
    private final Map<String, FeedState> states = new ConcurrentHashMap<>();

    private FeedPoller poller;
    private KafkaProducer<String, byte[]> producer;
    private TopicTail tail;
    private FeedAssignments assignments;
    private FeedPolls polls;
    private volatile boolean initialized;
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
        polls.startClock(this::ownedStates);
        log.info("Ingest started: {} feeds owned", assignments.owned().size());
    }

    /** Polls every feed owned now, once, ignoring schedules; waits for the articles to be acknowledged. */
    public IngestReport runOnce() throws InterruptedException {
        initialize();
        Instant now = Instant.now();
        List<Future<FeedReport>> pending = new ArrayList<>();
        for (FeedState state : ownedStates()) {
            Future<FeedReport> poll = polls.pollNow(state, now);
            if (poll != null) { // else the scheduler is on it right now
                pending.add(poll);
            }
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
        poller = new FeedPoller(new FeedFetcher(config.fetchLimits()), config);
        producer = new KafkaProducer<>(ClientConfigs.producer(kafka, "media-monitor-ingest"), new StringSerializer(),
                new ByteArraySerializer());
        register(configuredFeeds);
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
        polls = new FeedPolls(config.fetchThreads(), this::pollAndPublish);
        initialized = true;
        log.info("Ingest ready: {} configured feeds, {} owned, {} published ids known", configuredFeeds.size(),
                assignments.owned().size(), seen.size());
    }

    /** The configured feeds go on the feeds topic, where the group shares them out with the registered ones. */
    private void register(List<Feed> feeds) {
        for (Feed feed : feeds) {
            send(topics.feeds(), feed.getUrl(), feed);
        }
        producer.flush();
    }

    /** The states of the feeds owned now; those that moved away are forgotten, so taking one back restores it. */
    private Collection<FeedState> ownedStates() {
        Map<String, Feed> owned = assignments.owned();
        states.keySet().removeIf(url -> !owned.containsKey(url) && !polls.polling(url));
        List<FeedState> current = new ArrayList<>(owned.size());
        for (Feed feed : owned.values()) {
            FeedState state = states.computeIfAbsent(feed.getUrl(),
                    url -> new FeedState(feed, tail.status(url), planner));
            state.registered(feed);
            current.add(state);
        }
        return current;
    }

    /** One feed: poll, publish what is new, move its state and publish its status. */
    private FeedReport pollAndPublish(FeedState state, Instant now) throws InterruptedException {
        state.attempted(now);
        Feed feed = state.feed();
        PollOutcome outcome = poller.poll(state.url, state.currentUrl(), feed.getName(), feed.getLanguage(),
                state.etag(), state.lastModified(), now);
        String error = outcome.error();
        int published = 0;
        if (outcome.ok() && !outcome.notModified()) {
            try {
                // oldest first: downstream windows run on event time, and a backlog in feed order
                // (newest first) would make every older item look late
                published = publishNew(outcome.articles().stream()
                        .sorted(Comparator.comparing(Article::getPublishedAt)).toList());
            } catch (PublishException e) {
                error = e.getMessage();
            }
        }
        Duration base = state.baseInterval(config.pollInterval());
        String urlBefore = state.currentUrl();
        if (error != null) {
            state.failed(error, outcome.httpStatus(), outcome.retryAfter(), now, base);
            log.info("Feed {} failed ({} in a row): {}; next poll at {}", state.url, state.consecutiveFailures(),
                    error, state.nextPollAt());
        } else if (outcome.notModified()) {
            state.notModified(outcome, now, base);
            log.debug("Feed {}: not modified", state.url);
        } else {
            state.updated(outcome, published, now, base);
            log.debug("Feed {}: {} items, {} new", state.url, outcome.itemsSeen(), published);
        }
        if (state.currentUrl() != null && !state.currentUrl().equals(urlBefore)) {
            log.info("Feed {} moved permanently to {}", state.url, state.currentUrl());
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
            } catch (ExecutionException | TimeoutException e) {
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
        if (polls != null) {
            polls.close(Duration.ofSeconds(config.requestTimeout().toSeconds() + 10));
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
