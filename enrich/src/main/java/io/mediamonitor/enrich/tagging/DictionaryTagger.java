package io.mediamonitor.enrich.tagging;

import io.mediamonitor.enrich.tagging.AliasIndex.Candidate;
import io.mediamonitor.enrich.tagging.AliasIndex.ContextRef;
import io.mediamonitor.enrich.tagging.AliasIndex.Kind;
import io.mediamonitor.enrich.tagging.AliasIndex.Target;
import io.mediamonitor.model.ActorTag;
import io.mediamonitor.model.CountryTag;
import io.mediamonitor.model.KeywordTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Tags a text in one pass over an {@link AliasIndex}: raw hits at word boundaries, then context
 * rules for ambiguous aliases, then leftmost-longest selection, then counts per target.
 */
final class DictionaryTagger implements Tagger {

    private final AliasIndex index;
    private final String version;

    DictionaryTagger(AliasIndex index, String version) {
        this.index = index;
        this.version = version;
    }

    @Override
    public String dictionaryVersion() {
        return version;
    }

    @Override
    public Tags tag(String written) {
        if (written == null || written.isEmpty()) {
            return Tags.NONE;
        }
        String text = written;
        char[] folded = TextFolding.foldIfComposed(text);
        if (folded == null) {
            text = TextFolding.composed(text); // a match is then reported as composed text
            folded = TextFolding.fold(text);
        }
        Scan scan = new Scan(text, index.targets().size());
        index.scan(folded, scan::hit);
        if (scan.hits.isEmpty()) {
            return Tags.NONE;
        }
        return scan.select().tags(index.targets());
    }

    /** A match of one candidate reading over [begin, end). */
    private record Hit(int begin, int end, Candidate candidate) {}

    /** State of one tag() call. */
    private static final class Scan {
        final String text;
        final List<Hit> hits = new ArrayList<>();
        final boolean[] positive;
        final boolean[] negative;
        final boolean[] unambiguous;
        final int[] mentions;
        final int[] first;
        boolean countryNamed;
        final LinkedHashSet<String>[] matched;

        @SuppressWarnings("unchecked")
        Scan(String text, int targets) {
            this.text = text;
            positive = new boolean[targets];
            negative = new boolean[targets];
            unambiguous = new boolean[targets];
            mentions = new int[targets];
            first = new int[targets];
            matched = new LinkedHashSet[targets];
        }

        void hit(int begin, int end, AliasIndex.Node node) {
            if (begin > 0 && TextFolding.isWordChar(text.charAt(begin - 1))) {
                return; // Mali inside Somalie
            }
            boolean wordEnds = end == text.length() || !TextFolding.isWordChar(text.charAt(end));
            for (ContextRef c : node.contexts()) {
                if (wordEnds || c.prefix()) {
                    (c.negative() ? negative : positive)[c.target()] = true;
                }
            }
            if (!wordEnds) {
                return;
            }
            int added = hits.size();
            for (Candidate c : node.candidates()) {
                if (c.exact() != null && !exactAt(begin, c.exact())) {
                    continue; // AES the acronym, not "aes"
                }
                if (alreadyHit(added, c.target())) {
                    continue; // CEDEAO read both as the acronym and as Cedeao: one mention
                }
                hits.add(new Hit(begin, end, c));
                if (!c.ambiguous()) {
                    unambiguous[c.target().index()] = true;
                }
            }
        }

        private boolean alreadyHit(int from, Target t) {
            for (int i = from; i < hits.size(); i++) {
                if (hits.get(i).candidate().target() == t) {
                    return true;
                }
            }
            return false;
        }

        private boolean exactAt(int begin, char[] exact) {
            for (int i = 0; i < exact.length; i++) {
                if (TextFolding.punctuation(text.charAt(begin + i)) != exact[i]) {
                    return false;
                }
            }
            return true;
        }

        private boolean counts(Hit h) {
            Candidate c = h.candidate();
            if (!c.ambiguous()) {
                return true;
            }
            int t = c.target().index();
            if (negative[t]) {
                return false;
            }
            if (!c.target().contextRequired() || positive[t] || unambiguous[t]) {
                return true;
            }
            // countries come in company: "Chad and Niger" is the country, "Chad Smith" alone is not,
            // nor is "Chad Smith ... in Nigeria": a capitalised word right after reads as a person's name
            return c.target().kind() == Kind.COUNTRY && countryNamed && !PersonName.followsAt(text, h.end());
        }

        /**
         * Leftmost-longest within each kind: Guinée-Bissau over Guinée, Burkina Faso once rather than
         * Burkina + Faso. Kinds do not hide each other (Russian Africa Corps is an actor and Russia),
         * but stop phrases (Niger River) hide every kind.
         */
        Scan select() {
            countryNamed = unambiguousCountryOutsideStops();
            List<Hit> valid = new ArrayList<>(hits.size());
            for (Hit h : hits) {
                if (counts(h)) {
                    valid.add(h);
                }
            }
            valid.sort(Comparator.comparingInt(Hit::begin).thenComparing(Comparator.comparingInt(Hit::end).reversed()));
            for (Kind kind : new Kind[] {Kind.COUNTRY, Kind.ACTOR, Kind.KEYWORD}) {
                selectLongest(valid, kind);
            }
            return this;
        }

        private void selectLongest(List<Hit> sorted, Kind kind) {
            int coveredTo = 0;
            int spanBegin = -1;
            int spanEnd = -1;
            for (Hit h : sorted) {
                Kind k = h.candidate().target().kind();
                if (k != kind && k != Kind.STOP) {
                    continue;
                }
                boolean sameSpan = h.begin() == spanBegin && h.end() == spanEnd;
                if (!sameSpan && h.begin() < coveredTo) {
                    continue;
                }
                if (!sameSpan) {
                    spanBegin = h.begin();
                    spanEnd = h.end();
                    coveredTo = h.end();
                }
                if (k == kind) {
                    count(h);
                }
            }
        }

        private boolean unambiguousCountryOutsideStops() {
            for (Hit h : hits) {
                Candidate c = h.candidate();
                if (c.target().kind() == Kind.COUNTRY && !c.ambiguous() && !insideStop(h)) {
                    return true;
                }
            }
            return false;
        }

        private boolean insideStop(Hit h) {
            for (Hit s : hits) {
                if (s.candidate().target().kind() == Kind.STOP && s.begin() <= h.begin() && s.end() >= h.end()) {
                    return true;
                }
            }
            return false;
        }

        private void count(Hit h) {
            Target t = h.candidate().target();
            int i = t.index();
            String surface = text.substring(h.begin(), h.end());
            if (matched[i] == null) {
                matched[i] = new LinkedHashSet<>();
                first[i] = h.begin();
            }
            mentions[i]++;
            matched[i].add(surface);
        }

        Tags tags(List<Target> targets) {
            List<Integer> found = new ArrayList<>();
            for (int i = 0; i < mentions.length; i++) {
                if (mentions[i] > 0) {
                    found.add(i);
                }
            }
            found.sort(Comparator.<Integer>comparingInt(i -> -mentions[i]).thenComparingInt(i -> first[i]));
            List<CountryTag> countries = new ArrayList<>();
            List<ActorTag> actors = new ArrayList<>();
            List<KeywordTag> keywords = new ArrayList<>();
            for (int i : found) {
                Target t = targets.get(i);
                List<String> forms = List.copyOf(matched[i]);
                switch (t.kind()) {
                    case COUNTRY -> countries.add(new CountryTag(t.id(), t.name(), mentions[i], forms));
                    case ACTOR -> actors.add(new ActorTag(t.id(), t.name(), t.type(), mentions[i], forms));
                    case KEYWORD -> keywords.add(new KeywordTag(t.id(), mentions[i], forms));
                    case STOP -> { }
                }
            }
            return new Tags(countries, actors, keywords);
        }
    }
}
