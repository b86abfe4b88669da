package io.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.enrich.counting.StoryPresence;
import io.mediamonitor.enrich.counting.WindowGrid;
import io.mediamonitor.model.state.StoryState;
import io.mediamonitor.model.state.TermSightings;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryTermsTest {

    /** 1 h windows every 10 min: each window spans six slots. */
    private final WindowGrid grid = WindowGrid.of(Duration.ofHours(1), Duration.ofMinutes(10));

    @Test
    void theFirstArticleIsANewStoryForEachOfItsTermsInEveryWindowAndItsSightingsAreKeptAsIndices() {
        StoryState story = story("a1");

        Map<String, List<StoryPresence.Change>> changes = article(story, 100, "RFI", "country:ML", "country:NE");

        assertThat(changes).containsOnlyKeys("country:ML", "country:NE");
        assertThat(changes.values()).allSatisfy(windows -> {
            assertThat(windows).extracting(StoryPresence.Change::window).containsExactly(95L, 96L, 97L, 98L, 99L, 100L);
            assertThat(windows).allMatch(c -> c.newStory() && c.noLongerAlone() == null);
        });
        assertThat(story.getTermSightings()).extracting(TermSightings::getTerm).containsExactly("country:ML", "country:NE");
        assertThat(story.getTermSightings()).allSatisfy(seen -> {
            assertThat(seen.getSlots()).containsExactly(0);
            assertThat(seen.getSources()).containsExactly(0);
        });
    }

    @Test
    void aCopyChangesOnlyTheTermsItMentionsEachFromThatTermsOwnSightings() {
        StoryState story = story("a1");
        article(story, 100, "RFI", "country:ML", "country:NE");

        // Le Monde's copy mentions Mali and Burkina Faso, not Niger
        Map<String, List<StoryPresence.Change>> changes = article(story, 100, "Le Monde", "country:ML", "country:BF");

        assertThat(changes).containsOnlyKeys("country:ML", "country:BF");
        assertThat(changes.get("country:ML")).allMatch(c -> !c.newStory() && "RFI".equals(c.noLongerAlone()));
        assertThat(changes.get("country:BF")).allMatch(c -> c.newStory() && c.noLongerAlone() == null);
        assertThat(sightings(story, "country:NE")).containsExactly(new StoryPresence.Sighting(100, "RFI"));
        assertThat(sightings(story, "country:ML")).containsExactly(new StoryPresence.Sighting(100, "RFI"),
                new StoryPresence.Sighting(100, "Le Monde"));
    }

    @Test
    void aLaterCopyIsNewOnlyToTheWindowsTheTermsEarlierSightingsDoNotReach() {
        StoryState story = story("a1");
        article(story, 100, "RFI", "country:ML");

        List<StoryPresence.Change> changes = article(story, 102, "RFI", "country:ML").get("country:ML");

        assertThat(changes).extracting(StoryPresence.Change::window).containsExactly(97L, 98L, 99L, 100L, 101L, 102L);
        assertThat(changes).extracting(StoryPresence.Change::newStory)
                .containsExactly(false, false, false, false, true, true);
        assertThat(story.getTermSightings().get(0).getSlots()).as("indices into the story's slots").containsExactly(0, 1);
    }

    @Test
    void theSameSourceInTheSameSlotAddsNoSighting() {
        StoryState story = story("a1");
        article(story, 100, "RFI", "country:ML");

        assertThat(article(story, 100, "RFI", "country:ML").get("country:ML"))
                .allMatch(c -> !c.newStory() && c.noLongerAlone() == null);
        assertThat(sightings(story, "country:ML")).hasSize(1);
    }

    /** One more article of the story, as story dedup records it: its slot and source first, then its terms. */
    private Map<String, List<StoryPresence.Change>> article(StoryState story, long slot, String source,
                                                           String... terms) {
        if (!story.getSlots().contains(slot)) {
            story.getSlots().add(slot);
        }
        if (!story.getSources().contains(source)) {
            story.getSources().add(source);
        }
        return StoryTerms.add(story, slot, source, List.of(terms), grid);
    }

    private static List<StoryPresence.Sighting> sightings(StoryState story, String term) {
        TermSightings seen = story.getTermSightings().stream().filter(t -> t.getTerm().equals(term)).findFirst()
                .orElseThrow();
        List<StoryPresence.Sighting> sightings = new ArrayList<>();
        for (int i = 0; i < seen.getSlots().size(); i++) {
            sightings.add(new StoryPresence.Sighting(story.getSlots().get(seen.getSlots().get(i)),
                    story.getSources().get(seen.getSources().get(i))));
        }
        return sightings;
    }

    private static StoryState story(String id) {
        return StoryState.newBuilder().setStoryId(id).setFirstSeenAt(Instant.EPOCH).setSources(new ArrayList<>())
                .setSlots(new ArrayList<>()).setSignature(ByteBuffer.allocate(0)).setTermsTracked(true).build();
    }
}
