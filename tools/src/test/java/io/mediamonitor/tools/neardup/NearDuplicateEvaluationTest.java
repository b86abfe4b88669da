package io.mediamonitor.tools.neardup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mediamonitor.enrich.NearDuplicates;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Near-duplicate clustering on the public feed corpus (when present) with edited copies: the goals. */
class NearDuplicateEvaluationTest {

    @Test
    void edited_wire_copies_join_their_story_and_distinct_stories_stay_apart() throws Exception {
        String dir = System.getProperty("mediamonitor.corpus.dir");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "feed corpus not present");
        NearDuplicateEvaluation evaluation = NearDuplicateEvaluation.fromCorpus(Path.of(dir));
        NearDuplicates rule = NearDuplicates.defaults();

        NearDuplicateEvaluation.Result tuning = evaluation.run(rule, true, 7);
        NearDuplicateEvaluation.Result test = evaluation.run(rule, false, 11);
        System.out.println("tuning half: recall " + tuning.recall() + ", precision " + tuning.precision());
        System.out.println(test.toMarkdown(rule));

        assertThat(test.originals()).isGreaterThan(300);
        assertThat(test.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(test.recall()).isGreaterThanOrEqualTo(0.9);
    }
}
