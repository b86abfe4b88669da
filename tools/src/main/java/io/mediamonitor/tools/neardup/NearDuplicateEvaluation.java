package io.mediamonitor.tools.neardup;

import io.mediamonitor.enrich.NearDuplicates;
import io.mediamonitor.enrich.StoryFingerprint;
import io.mediamonitor.enrich.StorySignature;
import io.mediamonitor.ingest.normalize.ArticleNormalizer;
import io.mediamonitor.ingest.normalize.FeedContext;
import io.mediamonitor.ingest.parse.FeedParser;
import io.mediamonitor.model.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Precision and recall of near-duplicate story clustering on a labelled set built from a folder of real feeds:
 * every entry with a text of 30 words or more is an original story (entries that already share a third of their
 * shingles with an earlier one are dropped, so the originals are distinct stories); each gets edited copies, the
 * way outlets re-run wire copy. Originals and copies are clustered in a shuffled order with the rule enrich uses.
 * A copy is found when it joins its original's story; a join is correct when it joins the story of its own
 * original. Originals are split in two halves by their text's hash: one to tune on, one to report.
 */
public final class NearDuplicateEvaluation {

    /** How an outlet edits wire copy. */
    public enum Edit {
        RETITLED("new headline"),
        TRIMMED("text cut to 40-80 %"),
        DATELINE_AND_TRAILER("dateline and trailer added"),
        REWORDED("one word in ten changed"),
        ALL("new headline, cut, dateline, reworded");

        public final String label;

        Edit(String label) {
            this.label = label;
        }
    }

    /** Counts over the reported half. */
    public record Result(int originals, int copies, Map<Edit, int[]> foundByEdit, int joins, int correctJoins,
                         int originalsJoined, int sameFingerprint) {

        public double recall() {
            int found = foundByEdit.values().stream().mapToInt(a -> a[0]).sum();
            return found / (double) copies;
        }

        public double recall(Edit edit) {
            int[] a = foundByEdit.get(edit);
            return a[0] / (double) a[1];
        }

        public double precision() {
            return joins == 0 ? Double.NaN : correctJoins / (double) joins;
        }

        public String toMarkdown(NearDuplicates rule) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "Near-duplicate clustering (%d original stories from the feed corpus, %d edited copies; "
                            + "containment ≥ %.2f, %d bands of %d MinHash rows):%n%n",
                    originals, copies, rule.minContainment(), StorySignature.BANDS, StorySignature.ROWS));
            b.append("| edit | copies | joined their original |\n|---|---:|---:|\n");
            for (Edit e : Edit.values()) {
                b.append(String.format(Locale.ROOT, "| %s | %d | %.3f |%n", e.label, foundByEdit.get(e)[1], recall(e)));
            }
            b.append(String.format(Locale.ROOT, "| **all** | %d | **%.3f** |%n%n", copies, recall()));
            b.append(String.format(Locale.ROOT, "The exact hash of title and text that stories were joined by before "
                    + "finds %d of the %d copies (%.3f).%n", sameFingerprint, copies, sameFingerprint / (double) copies));
            b.append(String.format(Locale.ROOT, "Precision: %d of %d joins were to the right story (%.3f); "
                    + "%d originals were joined to another story.%n", correctJoins, joins, precision(), originalsJoined));
            return b.toString();
        }
    }

    private record Doc(String id, String original, Edit edit, String title, String text) {
    }

    private final List<Doc> originals;

    private NearDuplicateEvaluation(List<Doc> originals) {
        this.originals = originals;
    }

    /** Reads every feed file under {@code corpus}; unreadable files are skipped. */
    public static NearDuplicateEvaluation fromCorpus(Path corpus) throws IOException {
        FeedParser parser = new FeedParser(Duration.ofSeconds(5));
        List<Doc> docs = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Set<String> seen = new HashSet<>();
        for (Path file : files) {
            List<Article> articles;
            try {
                articles = ArticleNormalizer.normalize(parser.parse(Files.readAllBytes(file), null, file.toString()),
                        FeedContext.of("https://corpus.example/" + file.getFileName(), Instant.EPOCH));
            } catch (Exception e) {
                continue; // the corpus holds malformed feeds on purpose
            }
            for (Article a : articles) {
                String text = a.getSummary() != null ? a.getSummary() : a.getContent();
                if (a.getTitle() == null || text == null || text.split("\\s+").length < 30) {
                    continue;
                }
                if (seen.add(text.strip().toLowerCase(Locale.ROOT))) {
                    docs.add(new Doc("o" + docs.size(), null, null, a.getTitle(), text));
                }
            }
        }
        return new NearDuplicateEvaluation(distinct(docs));
    }

    /** Drops originals that share a third of their shingles with an earlier one: they are not distinct stories. */
    private static List<Doc> distinct(List<Doc> docs) {
        List<Doc> kept = new ArrayList<>();
        List<Set<String>> keptShingles = new ArrayList<>();
        for (Doc d : docs) {
            Set<String> s = shingles(d.title() + " " + d.text());
            boolean dup = false;
            for (Set<String> k : keptShingles) {
                int common = 0;
                for (String x : s) {
                    if (k.contains(x)) {
                        common++;
                    }
                }
                if (common >= Math.min(s.size(), k.size()) / 3.0) {
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                kept.add(d);
                keptShingles.add(s);
            }
        }
        return kept;
    }

    private static Set<String> shingles(String text) {
        String[] w = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ");
        Set<String> s = new HashSet<>();
        for (int i = 0; i + 3 <= w.length; i++) {
            s.add(w[i] + " " + w[i + 1] + " " + w[i + 2]);
        }
        return s;
    }

    public int originals() {
        return originals.size();
    }

    /** Clusters the half of the originals chosen by {@code tuningHalf} with their copies under {@code rule}. */
    public Result run(NearDuplicates rule, boolean tuningHalf, long seed) {
        Random random = new Random(seed);
        List<Doc> half = originals.stream().filter(d -> (Math.floorMod(d.text().hashCode(), 2) == 0) == tuningHalf)
                .toList();
        List<String> vocabulary = half.stream().flatMap(d -> Arrays.stream(d.text().split("\\s+"))).distinct().toList();
        List<Doc> all = new ArrayList<>(half);
        for (Doc d : half) {
            for (Edit e : Edit.values()) {
                all.add(edit(d, e, random, vocabulary));
            }
        }
        Collections.shuffle(all, random);
        NearDuplicates.InMemory index = new NearDuplicates.InMemory();
        Map<String, String> storyOf = new LinkedHashMap<>();
        Map<Edit, int[]> found = new EnumMap<>(Edit.class);
        for (Edit e : Edit.values()) {
            found.put(e, new int[2]);
        }
        int joins = 0;
        int correct = 0;
        int originalsJoined = 0;
        // a story is named by the document that opened it; its original is that document's or its own
        Map<String, String> originalOfStory = new LinkedHashMap<>();
        List<Doc> copies = new ArrayList<>();
        for (Doc d : all) {
            StorySignature sig = StorySignature.of(d.title(), d.text());
            String own = d.original() == null ? d.id() : d.original();
            Optional<String> story = rule.storyOf(sig, index);
            if (story.isPresent()) {
                joins++;
                storyOf.put(d.id(), story.get()); // as in enrich, a story is found by its first article's bands only
                if (originalOfStory.get(story.get()).equals(own)) {
                    correct++;
                } else if (d.original() == null) {
                    originalsJoined++;
                }
            } else {
                storyOf.put(d.id(), d.id());
                originalOfStory.put(d.id(), own);
                index.add(d.id(), sig);
            }
            if (d.original() != null) {
                copies.add(d);
            }
        }
        Map<String, Doc> byId = new LinkedHashMap<>();
        all.forEach(d -> byId.put(d.id(), d));
        int sameFingerprint = 0;
        for (Doc c : copies) {
            int[] counts = found.get(c.edit());
            counts[1]++;
            // found: the copy and its original ended in the same story
            if (storyOf.get(c.id()).equals(storyOf.get(c.original()))) {
                counts[0]++;
            }
            Doc original = byId.get(c.original());
            if (StoryFingerprint.of(c.title(), c.text()).equals(StoryFingerprint.of(original.title(), original.text()))) {
                sameFingerprint++;
            }
        }
        return new Result(half.size(), copies.size(), found, joins, correct, originalsJoined, sameFingerprint);
    }

    private static Doc edit(Doc d, Edit e, Random r, List<String> vocabulary) {
        String title = d.title();
        String text = d.text();
        if (e == Edit.RETITLED || e == Edit.ALL) {
            title = retitle(title, r);
        }
        if (e == Edit.TRIMMED || e == Edit.ALL) {
            String[] words = text.split("\\s+");
            int keep = (int) Math.ceil(words.length * (0.4 + 0.4 * r.nextDouble()));
            text = String.join(" ", Arrays.copyOf(words, keep));
        }
        if (e == Edit.DATELINE_AND_TRAILER || e == Edit.ALL) {
            String[] places = {"BAMAKO", "NIAMEY", "OUAGADOUGOU", "DAKAR", "PARIS", "LONDON"};
            String[] agencies = {"AFP", "Reuters", "AP"};
            text = places[r.nextInt(places.length)] + " (" + agencies[r.nextInt(agencies.length)] + ") — " + text
                    + " This article first appeared on our partner's site. Read more and subscribe to our newsletter.";
        }
        if (e == Edit.REWORDED || e == Edit.ALL) {
            String[] words = text.split("\\s+");
            for (int i = 0; i < words.length; i++) {
                if (r.nextDouble() < 0.1) {
                    words[i] = vocabulary.get(r.nextInt(vocabulary.size()));
                }
            }
            text = String.join(" ", words);
        }
        return new Doc(d.id() + "-" + e.name().toLowerCase(Locale.ROOT), d.id(), e, title, text);
    }

    /** A different headline over the same story: the words reordered and some dropped, a kicker in front. */
    private static String retitle(String title, Random r) {
        List<String> words = new ArrayList<>(Arrays.asList(title.split("\\s+")));
        Collections.shuffle(words, r);
        List<String> kept = words.stream().limit(Math.max(2, words.size() * 2 / 3)).collect(Collectors.toList());
        String[] kickers = {"UPDATE:", "Analysis:", "Breaking:", "En direct :", "Live:"};
        return kickers[r.nextInt(kickers.length)] + " " + String.join(" ", kept);
    }
}
