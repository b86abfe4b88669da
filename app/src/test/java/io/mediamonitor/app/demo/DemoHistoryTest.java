package io.mediamonitor.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.alerts.detect.SilenceConfig;
import io.mediamonitor.alerts.detect.SilenceDetector;
import io.mediamonitor.alerts.detect.SourceRhythm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * The silence detector learns each outlet's hours of the day and days of the week in UTC: whatever the day and
     * time the demo starts, its history must not look like an outlet gone quiet.
     */
    @Test
    void noOutletOfTheHistoryLooksSilentWhateverDayAndTimeTheDemoStarts() {
        SilenceDetector detector = new SilenceDetector(SilenceConfig.defaults());
        Map<String, List<DemoCatalogue.DemoArticle>> byFeed = catalogue.articles().stream()
                .filter(a -> a.at().isNegative())
                .collect(Collectors.groupingBy(DemoCatalogue.DemoArticle::feed));
        List<String> silences = new ArrayList<>();
        Instant monday = Instant.parse("2026-11-30T00:00:00Z");
        for (int step = 0; step < 7 * 24 * 2; step++) {
            Instant start = monday.plus(Duration.ofMinutes(30L * step + 17));
            byFeed.forEach((feed, articles) -> {
                SourceRhythm rhythm = null;
                for (DemoCatalogue.DemoArticle article : articles) {
                    long at = start.plus(article.at()).toEpochMilli();
                    SilenceDetector.Step checked = detector.check(feed, rhythm, at - 1);
                    checked.change().ifPresent(c -> silences.add(feed + " before " + Instant.ofEpochMilli(at)
                            + " (demo started " + start + ")"));
                    rhythm = detector.onArticle(feed, checked.state(), at).state();
                }
            });
        }
        assertThat(silences).isEmpty();
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
