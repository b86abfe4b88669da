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
import java.util.Arrays;
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

    /**
     * Connects, restores state, then polls every owned feed that is due at once ({@link #pollRound}: their history in
     * time order), then each on its schedule until {@link #stop()}. A feed whose restored state says to wait (its
     * interval, a backoff, a server's Retry-After) waits, as it would have without the restart.
     */
    public synchronized void start() {
        initialize();
        polls.startClock(this::ownedStates,
                (feeds, now) -> pollRound(feeds.stream().filter(feed -> feed.due(now)).toList(), now));
        log.info("Ingest started: {} feeds owned", assignments.owned().size());
    }

    /** Polls every feed owned now, once, ignoring schedules; waits for the articles to be acknowledged. */
    public IngestReport runOnce() throws InterruptedException {
        initialize();
        IngestReport report = new IngestReport(pollRound(ownedStates(), Instant.now()));
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

    /**
     * Polls the feeds, many at a time, and publishes what they bring oldest first across all of them, so a first
     * round that reads each feed's history (days of it) reaches the counting in time order: published feed after
     * feed, every feed's history would be older than the newest of the one before it, and beyond the enrich job's
     * lateness it is not counted. Feeds being polled already are left out; at most
     * {@link IngestConfig#roundMaxArticles()} articles are held at once, beyond that the round publishes in parts.
     * Fetches are taken as they complete, at most two per fetch thread started and not yet taken (they go on while
     * a part publishes): which feeds make up a part, and which of two feeds carrying the same article publishes
     * it, follow the order they answered in. Reports come in the feeds' order.
     */
    private List<FeedReport> pollRound(Collection<FeedState> feeds, Instant now) throws InterruptedException {
        List<FeedState> claimed = feeds.stream().filter(polls::claim).toList();
        try {
            // taken as they complete, a few per fetch thread ahead: a round over thousands of feeds holds a bounded
            // number of fetched feeds besides the articles held to publish, and a slow feed holds up no other
            CompletionWindow<Fetched> fetches = new CompletionWindow<>(claimed.size(), 2 * config.fetchThreads(),
                    i -> polls.logged(claimed.get(i), () -> fetch(claimed.get(i), now)),
                    (i, fetch) -> polls.execute(fetch));
            FeedReport[] reports = new FeedReport[claimed.size()];
            Held held = new Held();
            boolean split = false;
            while (fetches.hasNext()) {
                CompletionWindow.Done<Fetched> done = fetches.next();
                held.add(done.index(), await(done.future(), claimed.get(done.index()), now));
                if (held.articles >= config.roundMaxArticles()) {
                    if (!split) {
                        log.warn("A round of polls brought {} articles or more (ingest.round.max.articles): published "
                                + "in parts, each in time order; history older than the enrich job's lateness "
                                + "before a part's newest article may not be counted", config.roundMaxArticles());
                        split = true;
                    }
                    held.publishInto(reports);
                }
            }
            held.publishInto(reports);
            producer.flush();
            return Arrays.asList(reports);
        } finally {
            claimed.forEach(polls::release);
        }
    }

    /** A round's fetched feeds not yet published, and where their reports go in the round's (feed) order. */
    private final class Held {
        private final List<Fetched> fetched = new ArrayList<>();
        private final List<Integer> indexes = new ArrayList<>();
        private int articles;

        void add(int index, Fetched poll) {
            fetched.add(poll);
            indexes.add(index);
            articles += poll.articles().size();
        }

        void publishInto(FeedReport[] reports) throws InterruptedException {
            List<FeedReport> published = publishAndSettle(fetched);
            for (int i = 0; i < published.size(); i++) {
                reports[indexes.get(i)] = published.get(i);
            }
            fetched.clear();
            indexes.clear();
            articles = 0;
        }
    }

    /**
     * A feed's fetch of the round; one that failed unexpectedly (logged by {@link FeedPolls}) fails that feed alone,
     * and one the stop cancelled before it ran ends the round ({@link java.util.concurrent.CancellationException}).
     */
    private static Fetched await(Future<Fetched> fetch, FeedState state, Instant at) throws InterruptedException {
        try {
            return fetch.get();
        } catch (ExecutionException e) {
            return new Fetched(state, at, PollOutcome.failure(state.url, FeedFailure.OTHER, null,
                    "unexpected error: " + e.getCause(),
                    null, Duration.ZERO));
        }
    }

    /** One feed on its schedule: poll, publish what is new, move its state and publish its status. */
    private FeedReport pollAndPublish(FeedState state, Instant now) throws InterruptedException {
        return publishAndSettle(List.of(fetch(state, now))).get(0);
    }

    /** What one poll of one feed brought, not yet published. */
    private record Fetched(FeedState state, Instant at, PollOutcome outcome) {

        List<Article> articles() {
            return outcome.ok() && !outcome.notModified() ? outcome.articles() : List.of();
        }
    }

    private Fetched fetch(FeedState state, Instant now) throws InterruptedException {
        state.attempted(now);
        Feed feed = state.feed();
        return new Fetched(state, now, poller.poll(state.url, state.currentUrl(), feed.getName(), feed.getLanguage(),
                state.etag(), state.lastModified(), now));
    }

    /**
     * Publishes the polls' new articles, oldest first across them (downstream windows run on event time, and a
     * backlog in feed order, newest first, would make every older item look late), waits for their
     * acknowledgement, then moves each feed's state and publishes its status.
     */
    private List<FeedReport> publishAndSettle(List<Fetched> fetched) throws InterruptedException {
        List<Publication> publications = new ArrayList<>(fetched.size());
        List<Sending> sendings = new ArrayList<>();
        for (Fetched poll : fetched) {
            Publication publication = new Publication();
            publications.add(publication);
            poll.articles().forEach(article -> sendings.add(new Sending(article, publication)));
        }
        sendings.sort(Comparator.comparing(sending -> sending.article().getPublishedAt()));
        List<Future<RecordMetadata>> acks = new ArrayList<>(sendings.size());
        for (Sending sending : sendings) {
            Article article = sending.article();
            acks.add(seen.add(article.getId()) ? send(topics.articlesRaw(), article.getId(), article) : null);
        }
        for (int i = 0; i < acks.size(); i++) {
            if (acks.get(i) == null) {
                continue;
            }
            Publication publication = sendings.get(i).publication();
            try {
                acks.get(i).get(config.requestTimeout().toMillis() + 120_000, TimeUnit.MILLISECONDS);
                publication.published++;
            } catch (ExecutionException | TimeoutException e) {
                // not published: forget it so the next poll (validators are not updated) tries again
                seen.remove(sendings.get(i).article().getId());
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                publication.failure = "publish failed: " + cause.getMessage();
            }
        }
        List<FeedReport> reports = new ArrayList<>(fetched.size());
        for (int i = 0; i < fetched.size(); i++) {
            reports.add(settle(fetched.get(i), publications.get(i)));
        }
        return reports;
    }

    /** How one poll's articles went out: how many were new, and why any of them failed. */
    private static final class Publication {
        int published;
        String failure;
    }

    private record Sending(Article article, Publication publication) {
    }

    /** Moves the feed's state after its poll, publishes its status and tells the listener. */
    private FeedReport settle(Fetched fetched, Publication publication) {
        FeedState state = fetched.state();
        PollOutcome outcome = fetched.outcome();
        Instant now = fetched.at();
        String error = outcome.error() != null ? outcome.error() : publication.failure;
        int published = publication.published;
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
        FeedFailure failure = error == null ? null
                : outcome.failure() != null ? outcome.failure() : FeedFailure.PUBLISH;
        FeedReport report = new FeedReport(state.url, error == null, outcome.notModified(), outcome.httpStatus(),
                outcome.itemsSeen(), published, error, outcome.elapsed(), failure);
        try {
            listener.feedPolled(report);
        } catch (RuntimeException e) {
            log.warn("Ingest listener failed on {}: {}", state.url, e.toString());
        }
        return report;
    }

    private <V> Future<RecordMetadata> send(Topic<String, V> topic, String key, V value) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        return producer.send(new ProducerRecord<>(topic.name(), key, bytes));
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
