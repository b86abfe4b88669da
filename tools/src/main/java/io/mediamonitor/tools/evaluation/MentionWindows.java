package io.mediamonitor.tools.evaluation;

import io.mediamonitor.alerts.detect.WindowObservation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongBinaryOperator;

/**
 * What the enrich topology does for one term, re-enacted for the evaluation: hopping event-time windows,
 * distinct stories and sources per window (and the stories one source published alone, the most of any
 * source), and one updated count per window the article falls in. An article later than a window's end plus
 * the lateness (against stream time) no longer updates it.
 */
public final class MentionWindows {

    private final String term;
    private final long size;
    private final long advance;
    private final long lateness;
    private final LongBinaryOperator volume;
    private final TreeMap<Long, Window> open = new TreeMap<>();
    private long streamTime = Long.MIN_VALUE;
    private long dropped;

    /**
     * @param volume total volume of the window starting at the first argument as known at the time in the
     *               second argument, or a negative number when unknown
     */
    public MentionWindows(String term, long size, long advance, long lateness, LongBinaryOperator volume) {
        this.term = term;
        this.size = size;
        this.advance = advance;
        this.lateness = lateness;
        this.volume = volume;
    }

    /** The count updates the article produces, oldest window first. */
    public List<WindowObservation> add(SimArticle a) {
        streamTime = Math.max(streamTime, a.arrivalTime());
        evict();
        List<WindowObservation> out = new ArrayList<>(6);
        long last = Math.floorDiv(a.eventTime(), advance) * advance;
        for (long start = last - size + advance; start <= last; start += advance) {
            if (start + size + lateness <= streamTime) {
                dropped++;
                continue; // past its lateness: enrich does not count it
            }
            Window w = open.computeIfAbsent(start, s -> new Window());
            w.add(a.story(), a.source());
            long asOf = Math.min(start + size, Math.max(a.eventTime(), streamTime));
            long v = volume.applyAsLong(start, asOf);
            out.add(new WindowObservation(term, start, start + size, w.articles, w.stories.size(),
                    w.sources.size(), w.topSourceStories(), v < 0 ? Double.NaN : v, v < 0 ? Long.MIN_VALUE : asOf,
                    a.eventTime()));
        }
        return out;
    }

    /** Window updates lost because they came after the lateness. */
    public long dropped() {
        return dropped;
    }

    private void evict() {
        Iterator<Map.Entry<Long, Window>> it = open.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getKey() + size + lateness <= streamTime) {
                it.remove();
            } else {
                break;
            }
        }
    }

    private static final class Window {
        int articles;
        final Set<Long> stories = new HashSet<>();
        final Set<Integer> sources = new HashSet<>();
        /** Story -> the one source that has published it in this window, or -1 once another has too. */
        final Map<Long, Integer> soleSource = new HashMap<>();
        /** Source -> stories it published alone; and the most of any source. */
        final Map<Integer, Integer> alone = new HashMap<>();
        int topAlone;

        void add(long story, int source) {
            articles++;
            sources.add(source);
            if (stories.add(story)) {
                soleSource.put(story, source);
                topAlone = Math.max(topAlone, alone.merge(source, 1, Integer::sum));
                return;
            }
            int sole = soleSource.get(story);
            if (sole >= 0 && sole != source) {
                soleSource.put(story, -1);
                boolean wasTop = alone.merge(sole, -1, Integer::sum) + 1 == topAlone;
                if (wasTop) {
                    topAlone = alone.values().stream().mapToInt(Integer::intValue).max().orElse(0);
                }
            }
        }

        /** As enrich reports it: stories published by one source alone, the most of any source. */
        int topSourceStories() {
            return topAlone;
        }
    }
}
