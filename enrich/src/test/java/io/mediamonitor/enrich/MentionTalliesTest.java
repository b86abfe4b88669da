package io.mediamonitor.enrich;

import io.mediamonitor.model.state.MentionEvent;
import io.mediamonitor.model.MentionCount;
import io.mediamonitor.model.state.MentionTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MentionTalliesTest {

    private static final Instant T = Instant.parse("2024-11-20T10:05:00Z");

    private static MentionEvent mention(String article, String story, String source) {
        return new MentionEvent(article, story, source, T, null);
    }

    @Test
    void onlyStoriesNoOtherSourceCarriedCountAsOneSourcesOwn() {
        MentionTally t = MentionTallies.empty();
        t = MentionTallies.add(t, mention("a1", "s1", "AFP"));
        t = MentionTallies.add(t, mention("a2", "s1", "RFI")); // AFP's dispatch, carried by RFI
        t = MentionTallies.add(t, mention("a3", "s2", "RFI"));
        t = MentionTallies.add(t, mention("a4", "s3", "RFI"));
        t = MentionTallies.add(t, mention("a5", "s3", "RFI")); // RFI repeating itself
        t = MentionTallies.add(t, mention("a6", "s4", "AFP"));

        assertThat(t.getStoryIds()).containsExactly("s1", "s2", "s3", "s4");
        assertThat(t.getStoryOrigins()).containsExactly("", "RFI", "RFI", "AFP");
        assertThat(MentionTallies.topSourceStories(t)).isEqualTo(2);
    }

    @Test
    void aTallyWrittenBeforeOriginsWereKeptCountsOnlyTheStoriesWithAKnownOrigin() {
        MentionTally old = new MentionTally(new ArrayList<>(List.of("s1", "s2")), new ArrayList<>(),
                new ArrayList<>(List.of("AFP")), 2, "a2", T, null, 0);

        MentionTally t = MentionTallies.add(old, mention("a3", "s3", "RFI"));

        assertThat(t.getStoryOrigins()).containsExactly("", "", "RFI");
        assertThat(MentionTallies.topSourceStories(t)).isEqualTo(1);
        assertThat(MentionTallies.toCount("country:ML", T, T.plusSeconds(3600), t).getStories()).isEqualTo(3);
    }

    @Test
    void theTotalCountsTheStoriesThatStartInItsWindowAndKeepsNoStoryIds() {
        MentionTally t = MentionTallies.empty();
        for (int i = 0; i < 500; i++) {
            // Every fifth article is a copy of the one before; a story is named after its first article.
            String story = i % 5 == 4 ? "a" + (i - 1) : "a" + i;
            t = MentionTallies.add(Terms.TOTAL, t, mention("a" + i, story, i % 2 == 0 ? "AFP" : "RFI"));
        }

        assertThat(t.getStoryIds()).isEmpty();
        assertThat(t.getStoryOrigins()).isEmpty();
        assertThat(t.getArticles()).isEqualTo(500);
        assertThat(t.getStoriesStarted()).isEqualTo(400);
        assertThat(t.getLastArticleId()).isEqualTo("a499");
        MentionCount total = MentionTallies.toCount(Terms.TOTAL, T, T.plusSeconds(3600), t);
        assertThat(total.getArticles()).isEqualTo(500);
        assertThat(total.getSources()).isEqualTo(2);
        assertThat(total.getStories()).isEqualTo(400);
        // Any other term still counts distinct stories.
        MentionTally ml = MentionTallies.add("country:ML", MentionTallies.empty(), mention("a1", "s1", "AFP"));
        ml = MentionTallies.add("country:ML", ml, mention("a2", "s1", "RFI"));
        assertThat(ml.getStoryIds()).containsExactly("s1");
    }

    @Test
    void aTotalWrittenWithStoryIdsCarriesTheirCountOverAndDropsThem() {
        MentionTally old = new MentionTally(new ArrayList<>(List.of("a1", "a2")), new ArrayList<>(),
                new ArrayList<>(List.of("AFP")), 3, "a2", T, null, 0);
        assertThat(MentionTallies.toCount(Terms.TOTAL, T, T.plusSeconds(3600), old).getStories()).isEqualTo(2);

        MentionTally t = MentionTallies.add(Terms.TOTAL, old, mention("a4", "a4", "RFI"));

        assertThat(t.getStoryIds()).isEmpty();
        assertThat(t.getStoriesStarted()).isEqualTo(3);
        assertThat(t.getArticles()).isEqualTo(4);
        assertThat(MentionTallies.toCount(Terms.TOTAL, T, T.plusSeconds(3600), t).getStories()).isEqualTo(3);
    }
}
