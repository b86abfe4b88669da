package io.mediamonitor.enrich.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryPresenceTest {

    /** 1 h windows every 10 min: slot n is [10n, 10n + 10) minutes, and each window spans six slots. */
    private final WindowGrid grid = WindowGrid.of(Duration.ofHours(1), Duration.ofMinutes(10));

    @Test
    void theFirstArticleIsANewStoryInEverySixWindowsThatContainIt() {
        List<StoryPresence.Change> changes = new StoryPresence().add(100, "RFI", grid);

        assertThat(changes).extracting(StoryPresence.Change::window).containsExactly(95L, 96L, 97L, 98L, 99L, 100L);
        assertThat(changes).allMatch(c -> c.newStory() && c.noLongerAlone() == null);
    }

    @Test
    void aCopyFromAnotherSourceEndsTheStoryBeingTheFirstSourcesAloneWhereBothFallAndIsNewWhereOnlyItFalls() {
        StoryPresence story = new StoryPresence();
        story.add(100, "RFI", grid);

        List<StoryPresence.Change> changes = story.add(102, "Le Monde", grid);

        // windows 97..100 hold both slots; 101 and 102 hold only the copy
        assertThat(changes).extracting(StoryPresence.Change::window).containsExactly(97L, 98L, 99L, 100L, 101L, 102L);
        assertThat(changes.subList(0, 4)).allMatch(c -> !c.newStory() && "RFI".equals(c.noLongerAlone()));
        assertThat(changes.subList(4, 6)).allMatch(c -> c.newStory() && c.noLongerAlone() == null);
    }

    @Test
    void theSameSourceAgainChangesNothingAndAThirdSourceEndsNobodysAloneness() {
        StoryPresence story = new StoryPresence();
        story.add(100, "RFI", grid);
        story.add(100, "Le Monde", grid);

        assertThat(story.add(100, "RFI", grid)).allMatch(c -> !c.newStory() && c.noLongerAlone() == null);
        assertThat(story.add(100, "AFP", grid)).allMatch(c -> !c.newStory() && c.noLongerAlone() == null);
        assertThat(story.size()).as("one sighting per slot and source").isEqualTo(3);
    }

    @Test
    void aLateOlderCopyIsNewToTheWindowsTheFirstArticleDoesNotReach() {
        StoryPresence story = new StoryPresence();
        story.add(100, "RFI", grid);

        List<StoryPresence.Change> changes = story.add(93, "RFI", grid);

        assertThat(changes).extracting(StoryPresence.Change::window).containsExactly(88L, 89L, 90L, 91L, 92L, 93L);
        assertThat(changes).allMatch(StoryPresence.Change::newStory);
    }

    @Test
    void theGridRefusesMoreWindowsPerInstantThanAMentionCanMark() {
        assertThat(WindowGrid.of(Duration.ofMinutes(31), Duration.ofMinutes(1)).slotsPerWindow()).isEqualTo(31);
        assertThatThrownBy(() -> WindowGrid.of(Duration.ofHours(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 31 advances").hasMessageContaining("(60)");
    }

    @Test
    void theGridRefusesAWindowThatIsNotAWholeNumberOfAdvances() {
        assertThatThrownBy(() -> WindowGrid.of(Duration.ofMinutes(60), Duration.ofMinutes(7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
        assertThat(grid.slotOf(-1)).as("before 1970 too").isEqualTo(-1);
        assertThat(grid.oldestWindowWith(100)).isEqualTo(95);
    }
}
