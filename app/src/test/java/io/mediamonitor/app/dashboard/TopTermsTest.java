package io.mediamonitor.app.dashboard;

import static io.mediamonitor.app.dashboard.Fixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.app.dashboard.TopTerms.Entry;
import io.mediamonitor.model.MentionCount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopTermsTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant T = Instant.parse("2025-03-12T14:00:00Z");

    private final TermLabels labels = new TermLabels();

    @Test
    void sumsOnlyTheWindowsThatTileThePeriodAndUnitesTheirSources() {
        TopTerms top = new TopTerms(HOUR);
        List<MentionCount> counts = List.of(
                count("country:ML", T.minus(HOUR), HOUR, 3, "Sahel Hebdo", "RFI"),
                count("country:ML", T.minus(HOUR).plus(Duration.ofMinutes(10)), HOUR, 3, "Sahel Hebdo", "RFI"),
                count("country:ML", T, HOUR, 2, "RFI", "Le Courrier"),
                count("country:NE", T, HOUR, 4, "Niamey Express"),
                count("actor:aes", T, HOUR, 1, "RFI"));

        List<Entry> totals = top.totals(T.minus(HOUR), T.plus(HOUR), counts, labels::label);

        assertThat(totals).extracting(Entry::term).containsExactly("country:ML", "country:NE", "actor:aes");
        Entry mali = totals.get(0);
        assertThat(mali.stories()).isEqualTo(5);     // 3 + 2: the 14:10 hop overlaps and is left out
        assertThat(mali.sources()).isEqualTo(3);     // Sahel Hebdo, RFI, Le Courrier
        assertThat(mali.label()).isEqualTo("Mali");
    }

    @Test
    void ranksCountriesAndActorsApartWithALimit() {
        TopTerms top = new TopTerms(HOUR);
        labels.learn("actor:africa-corps", "Africa Corps");
        List<MentionCount> counts = List.of(
                count("country:ML", T, HOUR, 2, "a"),
                count("country:BF", T, HOUR, 5, "a"),
                count("country:NE", T, HOUR, 1, "a"),
                count("actor:africa-corps", T, HOUR, 7, "a"),
                count("actor:wagner", T, HOUR, 7, "a"),
                count("keyword:coup d'état", T, HOUR, 9, "a"),
                count("country:SN", T.minus(Duration.ofDays(2)), HOUR, 50, "a"));

        TopTerms.Ranking ranking = top.rank(T, T.plus(HOUR), counts, 2, labels::label);

        assertThat(ranking.countries()).extracting(Entry::label).containsExactly("Burkina Faso", "Mali");
        // same stories: more articles first, then the term; keywords are not actors
        assertThat(ranking.actors()).extracting(Entry::label).containsExactly("Africa Corps", "wagner");
        assertThat(top.queryFrom(T.plus(Duration.ofMinutes(25)))).isEqualTo(T);
    }
}
