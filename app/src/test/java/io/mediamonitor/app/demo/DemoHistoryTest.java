package io.mediamonitor.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoHistoryTest {

    private final DemoCatalogue catalogue = DemoCatalogue.bundled();

    @Test
    void aWeekOfNewsFromEveryOutletUpToAnHourBeforeTheStartTheSameEveryTime() {
        List<DemoCatalogue.DemoArticle> week = DemoHistory.of(catalogue.feeds(), 1000);

        assertThat(week).hasSizeBetween(400, 900);
        assertThat(week).allSatisfy(a -> assertThat(a.at())
                .isBetween(DemoHistory.END.plus(DemoHistory.SPAN).negated(), DemoHistory.END.negated()));
        assertThat(week.stream().map(DemoCatalogue.DemoArticle::feed).distinct())
                .containsExactlyInAnyOrderElementsOf(catalogue.feeds().stream().map(DemoCatalogue.DemoFeed::id).toList());
        assertThat(DemoHistory.of(catalogue.feeds(), 1000)).as("a fixed seed").isEqualTo(week);
    }

    @Test
    void moreByDayThanByNightAndTheAllianceNowAndThen() {
        List<DemoCatalogue.DemoArticle> week = DemoHistory.of(catalogue.feeds(), 0);
        Map<Boolean, Long> dayOrNight = week.stream().collect(Collectors.partitioningBy(
                a -> { long hour = Math.floorMod(a.at().toHours() - 1, 24L); return hour >= 8 && hour < 18; },
                Collectors.counting()));

        assertThat(dayOrNight.get(true)).as("10 day hours against 14 others").isGreaterThan(dayOrNight.get(false));
        long alliance = week.stream().filter(a -> a.title().contains("AES") || a.title().contains("Africa Corps"))
                .count();
        assertThat(alliance).as("a few times a day, not a burst").isBetween(7L, 40L);
    }

    @Test
    void theCatalogueKeepsEveryLinkUniqueAndTheWrittenArticlesFirstInNumbering() {
        assertThat(new HashSet<>(catalogue.articles().stream().map(DemoCatalogue.DemoArticle::index).toList()))
                .hasSize(catalogue.articles().size());
        assertThat(catalogue.articles()).filteredOn(a -> a.title().startsWith("Russian delegation led by"))
                .singleElement().satisfies(a -> assertThat(a.index()).isLessThan(40));
        assertThat(catalogue.articles()).isSortedAccordingTo(java.util.Comparator.comparing(
                DemoCatalogue.DemoArticle::at));
        assertThat(catalogue.articles().get(0).at()).isLessThan(Duration.ofDays(-6));
    }
}
