package io.mediamonitor.tools.bench;

import io.mediamonitor.model.Article;
import io.mediamonitor.schema.ArticleIds;
import io.mediamonitor.tools.bench.Outlets.Outlet;
import io.mediamonitor.tools.bench.Prose.Text;
import io.mediamonitor.tools.bench.Vocabulary.Term;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * An endless, seeded stream of articles in the order a monitoring system would receive them: the
 * same seed and start give the same articles. The simulated clock advances one slot per article at
 * {@code articlesPerHour}; each article is one of
 * <ul>
 *   <li>a story by one of {@value #OUTLETS} outlets, mentioning 2 to 5 terms drawn from a Zipf law
 *       over {@link Vocabulary#RANKED}, 1 to 3 KB of title and summary in French or English;</li>
 *   <li>a wire copy (~{@value #WIRE_PERCENT} %): the title and summary of a recent story republished
 *       by another outlet, which story dedup joins to it;</li>
 *   <li>either of them late (~{@value #LATE_PERCENT} %): published up to {@link #MAX_LATENESS} before
 *       the clock, as a slow feed delivers it;</li>
 *   <li>an article of a burst: every {@link #BURST_INTERVAL} of simulated time, one of
 *       {@link Vocabulary#BURST_ACTORS} (or of other topics, at another interval: {@link #burstEvery}), never
 *       covered otherwise, is suddenly carried by 6 to 10 distinct outlets in separate stories within
 *       {@link #BURST_SPAN}.</li>
 * </ul>
 * Every article has its own millisecond of publication time, so an alert's {@code triggeredAt}
 * names the article that raised it.
 */
public final class ArticleGenerator {

    static final int OUTLETS = 200;
    static final int WIRE_PERCENT = 20;
    static final int LATE_PERCENT = 5;
    static final double ZIPF_EXPONENT = 0.7;
    static final Duration MAX_LATENESS = Duration.ofHours(3);
    static final Duration BURST_INTERVAL = Duration.ofHours(6);
    static final Duration BURST_SPAN = Duration.ofMinutes(10);
    /** A wire copy republishes one of this many latest stories. */
    private static final int RECENT_STORIES = 200;

    private final Random random;
    private final double slotMillis;
    private final long startMillis;
    private final Outlets outlets = new Outlets(OUTLETS);
    private final ZipfSampler zipf = new ZipfSampler(Vocabulary.RANKED.size(), ZIPF_EXPONENT);
    private final Deque<Story> recent = new ArrayDeque<>();
    private final PublicationTimes times = new PublicationTimes(MAX_LATENESS);
    /** Bursts may overlap when they come closer than their span: their stories are taken in time order. */
    private final PriorityQueue<BurstSlot> burstSlots = new PriorityQueue<>(
            Comparator.comparingLong(BurstSlot::at).thenComparingLong(BurstSlot::serial));
    private long burstInterval = BURST_INTERVAL.toMillis();
    private List<Term> burstTopics = Vocabulary.BURST_ACTORS;
    private int nextBurstTopic;
    private long nextBurstAt;
    private long burstSlotsPlanned;
    private long produced;
    private long stories;
    private final Mix mix = new Mix();

    private record Story(Outlet outlet, Text text) {
    }

    /** One outlet's story of a burst about {@code topic}, due at a simulated time. */
    private record BurstSlot(long at, long serial, Outlet outlet, Term topic) {
    }

    /** What the stream has held so far, for the report. */
    public static final class Mix {
        private long wireCopies;
        private long late;
        private long burstArticles;
        private int bursts;

        public long wireCopies() {
            return wireCopies;
        }

        public long late() {
            return late;
        }

        public long burstArticles() {
            return burstArticles;
        }

        public int bursts() {
            return bursts;
        }
    }

    /**
     * @param seed            the same seed, the same articles
     * @param start           publication time of the first article
     * @param articlesPerHour the simulated pace: how fast the clock advances per article
     */
    public ArticleGenerator(long seed, Instant start, double articlesPerHour) {
        if (!(articlesPerHour > 0) || articlesPerHour > 1_800_000) {
            throw new IllegalArgumentException("articles per hour must be in (0, 1800000], got " + articlesPerHour);
        }
        this.random = new Random(seed);
        this.slotMillis = 3_600_000.0 / articlesPerHour;
        this.startMillis = start.toEpochMilli();
        this.nextBurstAt = startMillis + BURST_INTERVAL.toMillis() / 2;
    }

    /** The simulated time span of {@code articles} articles at {@code articlesPerHour}. */
    public static Duration span(long articles, double articlesPerHour) {
        return Duration.ofMillis((long) Math.ceil(articles * 3_600_000.0 / articlesPerHour));
    }

    /** The simulated time {@code articles} articles take at this generator's pace. */
    public Duration spanOf(long articles) {
        return Duration.ofMillis((long) Math.ceil(articles * slotMillis));
    }

    public Mix mix() {
        return mix;
    }

    public long produced() {
        return produced;
    }

    /**
     * From now on, a burst every {@code interval} of simulated time, the first one interval from now, on each of
     * {@code topics} in turn (bursts already begun run their course).
     */
    public void burstEvery(Duration interval, List<Term> topics) {
        if (interval.isNegative() || interval.isZero() || topics.isEmpty()) {
            throw new IllegalArgumentException("bursts need a positive interval and a topic, got " + interval
                    + " and " + topics.size() + " topics");
        }
        burstInterval = interval.toMillis();
        burstTopics = List.copyOf(topics);
        nextBurstTopic = 0;
        nextBurstAt = clockOf(produced) + burstInterval;
    }

    public Article next() {
        long clock = clockOf(produced);
        produced++;
        scheduleBurst(clock);
        if (!burstSlots.isEmpty() && burstSlots.peek().at() <= clock) {
            return burstArticle(burstSlots.poll(), clock);
        }
        if (!recent.isEmpty() && random.nextInt(100) < WIRE_PERCENT) {
            return wireCopy(clock);
        }
        return story(clock);
    }

    private long clockOf(long article) {
        return startMillis + (long) Math.floor(article * slotMillis);
    }

    private void scheduleBurst(long clock) {
        if (clock < nextBurstAt) {
            return;
        }
        Term topic = burstTopics.get(nextBurstTopic);
        nextBurstTopic = (nextBurstTopic + 1) % burstTopics.size();
        mix.bursts++;
        Set<Outlet> covering = new LinkedHashSet<>();
        int count = 6 + random.nextInt(5);
        while (covering.size() < count) {
            covering.add(outlets.any(random));
        }
        long step = BURST_SPAN.toMillis() / count;
        long at = clock;
        for (Outlet outlet : covering) {
            burstSlots.add(new BurstSlot(at, burstSlotsPlanned++, outlet, topic));
            at += step;
        }
        nextBurstAt += burstInterval;
    }

    private Article story(long clock) {
        Outlet outlet = outlets.any(random);
        Text text = Prose.story(stories++, drawTerms(), outlet.language(), random);
        remember(new Story(outlet, text));
        return article(outlet, text, maybeLate(clock), clock);
    }

    private Article wireCopy(long clock) {
        Story original = recent.stream().skip(random.nextInt(recent.size())).findFirst().orElseThrow();
        Outlet outlet = outlets.otherThan(original.outlet(), random);
        mix.wireCopies++;
        return article(outlet, original.text(), maybeLate(clock), clock);
    }

    /** The clock, or for a few articles a publication time up to {@link #MAX_LATENESS} before it. */
    private long maybeLate(long clock) {
        if (random.nextInt(100) >= LATE_PERCENT) {
            return clock;
        }
        mix.late++;
        return clock - 1 - (long) (random.nextDouble() * MAX_LATENESS.toMillis());
    }

    private Article burstArticle(BurstSlot slot, long clock) {
        // each outlet its own story (not a wire copy), all about the burst's topic, with one Sahel country
        Outlet outlet = slot.outlet();
        Term country = Vocabulary.RANKED.get(random.nextInt(3));
        Text text = Prose.burst(stories++, List.of(slot.topic(), country), outlet.language(), random);
        remember(new Story(outlet, text));
        mix.burstArticles++;
        return article(outlet, text, clock, clock);
    }

    /** 2 to 5 distinct terms, by Zipf rank. */
    private List<Term> drawTerms() {
        int count = 2 + random.nextInt(4);
        Set<Term> terms = new LinkedHashSet<>();
        while (terms.size() < count) {
            terms.add(Vocabulary.RANKED.get(zipf.next(random)));
        }
        return List.copyOf(terms);
    }

    private void remember(Story story) {
        recent.addLast(story);
        if (recent.size() > RECENT_STORIES) {
            recent.removeFirst();
        }
    }

    private Article article(Outlet outlet, Text text, long published, long clock) {
        long at = times.claim(published, clock);
        String url = "https://" + outlet.domain() + "/articles/" + produced;
        return Article.newBuilder()
                .setId(ArticleIds.of(url))
                .setUrl(url)
                .setTitle(text.title())
                .setSummary(text.summary())
                .setSource(outlet.name())
                .setFeedUrl("https://" + outlet.domain() + "/rss")
                .setLanguage(outlet.language().code())
                .setPublishedAt(Instant.ofEpochMilli(at))
                .setFetchedAt(Instant.ofEpochMilli(Math.max(at, clock)))
                .setSourceDomain(outlet.domain())
                .setGuid(url)
                .build();
    }

    /**
     * Hands out publication times, each millisecond at most once. On-time articles take the clock's
     * slot, which only increases; a late article takes the nearest free millisecond at or before
     * its own, so only the last {@code horizon} needs remembering.
     */
    private static final class PublicationTimes {
        private final long horizonMillis;
        private final Set<Long> taken = new HashSet<>();
        private final Deque<Long> order = new ArrayDeque<>();

        PublicationTimes(Duration horizon) {
            this.horizonMillis = horizon.toMillis() + 60_000;
        }

        long claim(long wanted, long clock) {
            long at = wanted;
            while (taken.contains(at)) {
                at--;
            }
            taken.add(at);
            order.addLast(at);
            while (!order.isEmpty() && order.peekFirst() < clock - horizonMillis) {
                taken.remove(order.pollFirst());
            }
            return at;
        }
    }
}
