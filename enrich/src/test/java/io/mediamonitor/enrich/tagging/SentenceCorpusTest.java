package io.mediamonitor.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall over hand-written French and English sentences (sentences.tsv beside this
 * class): every (sentence, country) and (sentence, actor) pair expected or found is scored.
 */
class SentenceCorpusTest {

    record Sentence(String text, Set<String> countries, Set<String> actors) {}

    static List<Sentence> sentences() throws IOException {
        try (InputStream in = SentenceCorpusTest.class.getResourceAsStream("sentences.tsv")) {
            assertThat(in).as("sentences.tsv on the test classpath").isNotNull();
            List<Sentence> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                assertThat(cols).as(line).hasSize(3);
                out.add(new Sentence(cols[0], set(cols[1]), set(cols[2])));
            }
            return out;
        }
    }

    private static Set<String> set(String col) {
        return col.equals("-") ? Set.of() : new HashSet<>(Arrays.asList(col.split(",")));
    }

    @Test
    void precision_and_recall_are_at_least_95_percent() throws IOException {
        Tagger tagger = Dictionary.builtIn().tagger();
        List<Sentence> sentences = sentences();
        assertThat(sentences).hasSizeGreaterThanOrEqualTo(50);
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        List<String> misses = new ArrayList<>();
        for (Sentence s : sentences) {
            Tags tags = tagger.tag(s.text());
            Set<String> found = new HashSet<>();
            TaggingAssertions.codes(tags).forEach(c -> found.add("country:" + c));
            TaggingAssertions.actors(tags).forEach(a -> found.add("actor:" + a));
            Set<String> expected = new HashSet<>();
            s.countries().forEach(c -> expected.add("country:" + c));
            s.actors().forEach(a -> expected.add("actor:" + a));
            for (String f : found) {
                if (expected.contains(f)) {
                    truePositives++;
                } else {
                    falsePositives++;
                    misses.add("unexpected " + f + " in: " + s.text());
                }
            }
            for (String e : expected) {
                if (!found.contains(e)) {
                    falseNegatives++;
                    misses.add("missed " + e + " in: " + s.text());
                }
            }
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) (truePositives + falseNegatives);
        System.out.printf("tagger on %d sentences: precision %.3f, recall %.3f (tp %d, fp %d, fn %d)%n",
                sentences.size(), precision, recall, truePositives, falsePositives, falseNegatives);
        misses.forEach(m -> System.out.println("  " + m));
        assertThat(precision).as("precision; errors: %s", misses).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("recall; errors: %s", misses).isGreaterThanOrEqualTo(0.95);
    }
}
