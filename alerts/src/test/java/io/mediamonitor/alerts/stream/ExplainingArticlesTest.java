package io.mediamonitor.alerts.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.model.AlertArticle;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainingArticlesTest {

    private static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

    private static AlertArticle article(String source, int minute) {
        return AlertArticle.newBuilder().setTitle(source + " at " + minute).setUrl("https://example.org/" + minute)
                .setSource(source).setPublishedAt(T.plusSeconds(60L * minute)).build();
    }

    @Test
    void oneArticlePerSourceFirstNewestFirstThenMoreFromTheSameSources() {
        List<AlertArticle> window = List.of(article("RFI", 1), article("RFI", 5), article("AFP", 3),
                article("Le Monde", 2), article("AFP", 4));

        assertThat(ExplainingArticles.pick(window, 4)).extracting(AlertArticle::getTitle)
                .containsExactly("RFI at 5", "AFP at 4", "Le Monde at 2", "AFP at 3");
        assertThat(ExplainingArticles.pick(window, 10)).hasSize(5).last()
                .extracting(AlertArticle::getTitle).isEqualTo("RFI at 1");
    }

    @Test
    void aWindowWithNoArticleRecordedExplainsWithNothing() {
        assertThat(ExplainingArticles.pick(List.of(), 5)).isEmpty();
    }
}
