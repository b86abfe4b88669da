package io.mediamonitor.tools.evaluation;

import io.mediamonitor.tools.evaluation.InjectedEvent.Kind;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes one term's month of news: an overdispersed baseline (Poisson stories under a drifting
 * log-normal frailty whose variance is drawn per term from the configured {@link EvaluationConfig.Drift}, so
 * hourly counts are close to negative binomial) following the world's rhythm with a term-specific twist,
 * syndication (15 % of stories picked up by 1-5 more outlets), ordinary lateness, and injected events.
 *
 * <p>Positive events alternate SPIKE, STEP, RAMP every 3.5 days after the warm-up. Rare terms (under one
 * story an hour) get new stories from distinct outlets: a spike of 5-12 stories from 5-12 sources within
 * 20-50 minutes, a step of 3-6 stories an hour for 3 hours, a ramp to 8 an hour; busy terms get their rate
 * multiplied: x3 for an hour, x2 for 6-12 hours, 1 to 3 over 3 hours. One busy term in three doubles for
 * good for the last 4 days. Negative events, in between: one outlet repeating a story 10-30 times, one
 * outlet writing 10-30 stories alone (a live blog), a wire story syndicated by 10-30 outlets, and a batch
 * of late articles.
 */
public final class ScenarioGenerator {

    static final double SYNDICATION = 0.15;
    private static final double LATE_SHARE = 0.02;

    private final World world;
    private final int warmupDays;
    private final EvaluationConfig.Drift drift;

    public ScenarioGenerator(World world, int warmupDays, EvaluationConfig.Drift drift) {
        this.world = world;
        this.warmupDays = warmupDays;
        this.drift = drift;
    }

    /** Rare terms get additive bursts of distinct outlets; busy ones multiplicative rises. */
    static boolean rare(double level) {
        return level < 1;
    }

    public TermScenario generate(long seed, int index, double level) {
        RandomGenerator r = new Well19937c(seed * 1_000_003L + index * 7919L + Double.hashCode(level));
        String term = String.format(java.util.Locale.ROOT, "keyword:sim-%s-%02d", level, index);
        Writer w = new Writer(r);
        double dispersion = Sampling.uniform(r, drift.minVariance(), drift.maxVariance());
        double twist = Sampling.uniform(r, 0, 0.2);
        double phase = Sampling.uniform(r, 0, 24);

        List<Plan> plans = plan(r, index, level);
        long end = World.T0 + world.days() * World.DAY;
        // News intensity drifts: a log-normal AR(1) frailty with mean 1, variance `dispersion` and the
        // drift's correlation time, stepped every 10 minutes (no clock-hour blocks a detector could
        // exploit or trip over).
        double sigma2 = Math.log(1 + dispersion);
        double rho = Math.exp(-10.0 / drift.correlationMinutes());
        double x = Math.sqrt(sigma2) * r.nextGaussian();
        double frailty = 1;
        int minutes = (int) ((end - World.T0) / World.MINUTE);
        double[] expectedPerMinute = new double[minutes];
        double[] driftPerStep = new double[(minutes + 9) / 10];
        for (long t = World.T0; t < end; t += World.MINUTE) {
            int minute = (int) ((t - World.T0) / World.MINUTE);
            if (minute % 10 == 0) {
                x = rho * x + Math.sqrt(sigma2 * (1 - rho * rho)) * r.nextGaussian();
                frailty = Math.exp(x - sigma2 / 2);
                driftPerStep[minute / 10] = frailty;
            }
            double hour = (double) Math.floorMod(t - World.T0, World.DAY) / World.HOUR;
            double usual = level * World.rhythm(t) * (1 + twist * Math.sin((hour - phase) / 24 * 2 * Math.PI));
            expectedPerMinute[minute] = usual * settledRise(plans, t) / 60;
            double base = usual * frailty;
            double rate = base;
            Plan active = null;
            for (Plan p : plans) {
                double m = p.multiplier(t);
                double a = p.addition(t);
                if (m != 1 || a != 0) {
                    rate = rate * m + a;
                    active = p;
                }
            }
            int n = Sampling.poisson(r, rate / 60);
            for (int i = 0; i < n; i++) {
                long at = t + r.nextInt((int) World.MINUTE);
                boolean fromEvent = active != null && r.nextDouble() < (rate - base) / rate;
                int source = fromEvent && rare(level) ? r.nextInt(world.sources()) : world.drawSource(r);
                long story = w.story(at, source);
                if (fromEvent) {
                    active.record(at, story, source);
                }
            }
        }
        for (Plan p : plans) {
            if (p.kind == Kind.SPIKE && rare(level)) {
                int stories = Sampling.uniformInt(r, 5, 12);
                long span = (long) (Sampling.uniform(r, 20, 50) * World.MINUTE);
                List<Integer> outlets = distinctSources(r, stories);
                for (int i = 0; i < stories; i++) {
                    long at = p.start + (long) ((double) i / stories * span);
                    p.record(at, w.story(at, outlets.get(i)), outlets.get(i));
                }
            }
            if (!p.kind.positive()) {
                negative(r, w, p);
            }
        }
        List<InjectedEvent> events = new ArrayList<>();
        for (Plan p : plans) {
            events.add(p.toEvent());
        }
        w.articles.sort(Comparator.comparingLong(SimArticle::arrivalTime));
        return new TermScenario(term, level, List.copyOf(w.articles), List.copyOf(events),
                new TermTruth(World.T0, expectedPerMinute, driftPerStep, dispersion, rho));
    }

    /**
     * A permanent doubling is a burst for the two days in which one alert is the right answer; after that the
     * doubled rate is the term's usual one, and the oracles know it.
     */
    private static double settledRise(List<Plan> plans, long t) {
        for (Plan p : plans) {
            if (p.kind == Kind.PERMANENT_DOUBLING && t >= p.start + 2 * World.DAY) {
                return p.multiplier(t);
            }
        }
        return 1;
    }

    private List<Plan> plan(RandomGenerator r, int index, double level) {
        List<Plan> plans = new ArrayList<>();
        boolean permanent = !rare(level) && index % 3 == 2;
        long firstDay = World.T0 + warmupDays * World.DAY;
        long last = World.T0 + (world.days() - (permanent ? 4 : 0)) * World.DAY;
        Kind[] positives = {Kind.SPIKE, Kind.STEP, Kind.RAMP};
        Kind[] negatives = {Kind.SINGLE_OUTLET, Kind.WIRE, Kind.LATE_BATCH, Kind.LIVE_BLOG};
        int k = 0;
        for (long block = firstDay + 6 * World.HOUR; block + 36 * World.HOUR < last; block += 84 * World.HOUR) {
            long start = block + (long) (r.nextDouble() * 24 * World.HOUR);
            plans.add(new Plan(positives[(index + k) % 3], start, level, r));
            long trap = block + 42 * World.HOUR + (long) (r.nextDouble() * 24 * World.HOUR);
            if (trap + 12 * World.HOUR < last) {
                plans.add(new Plan(negatives[(index + k) % negatives.length], trap, level, r));
            }
            k++;
        }
        if (permanent) {
            plans.add(new Plan(Kind.PERMANENT_DOUBLING, last + (long) (r.nextDouble() * 12 * World.HOUR), level, r));
        }
        return plans;
    }

    private void negative(RandomGenerator r, Writer w, Plan p) {
        switch (p.kind) {
            case SINGLE_OUTLET, LIVE_BLOG -> {
                int source = world.drawSource(r);
                int n = Sampling.uniformInt(r, 10, 30);
                boolean sameStory = p.kind == Kind.SINGLE_OUTLET;
                long story = -1;
                for (int i = 0; i < n; i++) {
                    long at = p.start + (long) ((double) i / n * World.HOUR);
                    if (sameStory && story >= 0) {
                        w.copy(at, at, story, source);
                    } else {
                        story = w.story(at, source, false);
                    }
                    p.record(at, story, source);
                }
            }
            case WIRE -> {
                int n = Sampling.uniformInt(r, 10, 30);
                List<Integer> outlets = distinctSources(r, n);
                long story = w.nextStory++;
                for (int i = 0; i < n; i++) {
                    long at = p.start + (long) ((double) i / n * World.HOUR);
                    w.copy(at, at, story, outlets.get(i));
                    p.record(at, story, outlets.get(i));
                }
            }
            case LATE_BATCH -> {
                // A third of the outlets deliver the last 8 hours at once.
                long from = p.start - 8 * World.HOUR;
                Set<Integer> stalled = new HashSet<>(distinctSources(r, world.sources() / 3));
                for (int i = 0; i < w.articles.size(); i++) {
                    SimArticle a = w.articles.get(i);
                    if (a.eventTime() >= from && a.eventTime() < p.start && stalled.contains(a.source())) {
                        long arrival = p.start + r.nextInt((int) (5 * World.MINUTE));
                        w.articles.set(i, new SimArticle(a.eventTime(), Math.max(arrival, a.arrivalTime()),
                                a.story(), a.source()));
                        p.record(a.eventTime(), a.story(), a.source());
                    }
                }
            }
            default -> throw new IllegalStateException(p.kind.toString());
        }
    }

    private List<Integer> distinctSources(RandomGenerator r, int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < world.sources(); i++) {
            all.add(i);
        }
        for (int i = 0; i < Math.min(n, all.size()); i++) {
            int j = i + r.nextInt(all.size() - i);
            Integer tmp = all.get(i);
            all.set(i, all.get(j));
            all.set(j, tmp);
        }
        return all.subList(0, Math.min(n, all.size()));
    }

    /** Accumulates a term's articles with syndication and ordinary lateness. */
    private final class Writer {
        final RandomGenerator r;
        final List<SimArticle> articles = new ArrayList<>();
        long nextStory = 1;

        Writer(RandomGenerator r) {
            this.r = r;
        }

        long story(long at, int source) {
            return story(at, source, true);
        }

        long story(long at, int source, boolean syndicate) {
            long id = nextStory++;
            copy(at, arrival(at), id, source);
            if (syndicate && r.nextDouble() < SYNDICATION) {
                int extra = 1 + Math.min(4, (int) Sampling.exponentialMs(r, 1.5));
                for (int i = 0; i < extra; i++) {
                    long t = at + r.nextInt((int) (30 * World.MINUTE));
                    copy(t, arrival(t), id, world.drawSource(r));
                }
            }
            return id;
        }

        void copy(long at, long arrival, long story, int source) {
            articles.add(new SimArticle(at, arrival, story, source));
        }

        private long arrival(long at) {
            if (r.nextDouble() < LATE_SHARE) {
                return at + (long) (Sampling.uniform(r, 30, 180) * World.MINUTE);
            }
            return at + Sampling.exponentialMs(r, 2 * World.MINUTE);
        }
    }

    /** An event being written: its shape and the articles it produced. */
    private static final class Plan {
        final Kind kind;
        final long start;
        final boolean rare;
        final long length;
        final double stepRate;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long detectableAt = Long.MAX_VALUE;
        final Set<Long> stories = new HashSet<>();
        final Set<Integer> sources = new HashSet<>();

        Plan(Kind kind, long start, double level, RandomGenerator r) {
            this.kind = kind;
            this.start = start;
            this.rare = rare(level);
            this.length = switch (kind) {
                case SPIKE -> World.HOUR;
                case STEP -> rare ? 3 * World.HOUR : (long) (Sampling.uniform(r, 6, 12) * World.HOUR);
                case RAMP -> 4 * World.HOUR;
                case PERMANENT_DOUBLING -> Long.MAX_VALUE / 4;
                default -> World.HOUR;
            };
            this.stepRate = Sampling.uniform(r, 3, 6);
        }

        boolean covers(long t) {
            return t >= start && t - start < length;
        }

        double multiplier(long t) {
            if (rare || !covers(t)) {
                return 1;
            }
            double x = (double) (t - start) / World.HOUR;
            return switch (kind) {
                case SPIKE -> 3;
                case STEP, PERMANENT_DOUBLING -> 2;
                case RAMP -> x < 3 ? 1 + 2 * x / 3 : 3;
                default -> 1;
            };
        }

        double addition(long t) {
            if (!rare || !covers(t)) {
                return 0;
            }
            double x = (double) (t - start) / World.HOUR;
            return switch (kind) {
                case STEP -> stepRate;
                case RAMP -> x < 2 ? 4 * x : 8;
                default -> 0; // a rare spike is written story by story
            };
        }

        void record(long at, long story, int source) {
            first = Math.min(first, at);
            last = Math.max(last, at);
            stories.add(story);
            sources.add(source);
            // The guard minimum, or for a rare-term spike the size the goal names: 5 stories from 5 outlets.
            int needed = rare && kind == Kind.SPIKE ? 5 : 3;
            if (detectableAt == Long.MAX_VALUE && stories.size() >= needed && sources.size() >= needed) {
                detectableAt = at;
            }
        }

        InjectedEvent toEvent() {
            long s = first == Long.MAX_VALUE ? start : Math.min(start, first);
            long e = last == Long.MIN_VALUE ? start + Math.min(length, World.HOUR) : Math.max(last, s);
            if (kind == Kind.PERMANENT_DOUBLING) {
                e = s + 2 * World.DAY; // "alerts once": one alert in the two days after the change
            }
            return new InjectedEvent(kind, s, e, detectableAt, sources.size());
        }
    }
}
