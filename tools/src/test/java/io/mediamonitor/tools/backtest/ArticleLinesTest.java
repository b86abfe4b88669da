package io.mediamonitor.tools.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.model.Article;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleLinesTest {

    @Test
    void readsAnArticleLine() throws Exception {
        Article article = ArticleLines.parse("""
                {"id":"a1","url":"https://www.rfi.fr/x","title":"Le Mali","summary":"Résumé","source":"RFI",\
                "language":"fr","publishedAt":"2024-11-21T09:30:00+01:00"}""", 1);

        assertThat(article.getId()).isEqualTo("a1");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2024-11-21T08:30:00Z"));
        assertThat(article.getSourceDomain()).isEqualTo("rfi.fr");
        assertThat(article.getSummary()).isEqualTo("Résumé");
    }

    @Test
    void derivesTheIdIngestWouldGiveFromTheCanonicalUrl() throws Exception {
        String plain = "{\"url\":\"https://X.example/a\",\"title\":\"T\",\"source\":\"S\",\"publishedAt\":\"2024-11-21T09:30:00Z\"}";
        String tracked = plain.replace("/a", "/a?utm_source=rss#top");

        Article article = ArticleLines.parse(plain, 1);
        assertThat(ArticleLines.parse(tracked, 2).getId()).isEqualTo(article.getId());
        assertThat(article.getId()).isEqualTo(io.mediamonitor.schema.ArticleIds.of("https://x.example/a"));
        assertThat(article.getUrl()).isEqualTo("https://x.example/a");
    }

    @Test
    void namesTheLineAndTheProblem() {
        assertThatThrownBy(() -> ArticleLines.parse("{not json", 7)).hasMessageStartingWith("line 7: not JSON");
        assertThatThrownBy(() -> ArticleLines.parse("{\"title\":\"T\",\"source\":\"S\",\"publishedAt\":\"yesterday\",\"id\":\"x\"}", 9))
                .hasMessage("line 9: publishedAt is not an ISO-8601 instant with an offset (such as 2024-11-20T10:05:00Z):"
                        + " 'yesterday'");
        assertThatThrownBy(() -> ArticleLines.parse("{\"title\":\"T\",\"publishedAt\":\"2024-11-21T09:30:00Z\"}", 3))
                .hasMessage("line 3: source is missing");
        assertThatThrownBy(() -> ArticleLines.parse("[1,2]", 4)).hasMessage("line 4: expected a JSON object");
    }

    @Test
    void aDateAheadOfItsFetchIsTheFetchTimeAsIngestMakesIt() throws Exception {
        String line = "{\"id\":\"x\",\"title\":\"T\",\"source\":\"S\",\"publishedAt\":\"2034-11-19T00:00:00Z\","
                + "\"fetchedAt\":\"2024-11-21T09:30:00Z\"}";
        Article article = ArticleLines.parse(line, 1);
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2024-11-21T09:30:00Z"));
        assertThat(article.getFetchedAt()).isEqualTo(Instant.parse("2024-11-21T09:30:00Z"));
        // within ingest's skew, the date stands
        assertThat(ArticleLines.parse(line.replace("2034-11-19T00:00:00Z", "2024-11-21T09:35:00Z"), 2)
                .getPublishedAt()).isEqualTo(Instant.parse("2024-11-21T09:35:00Z"));
    }

    @Test
    void aDateOutsideEpochMillisecondsIsABadLine() {
        for (String date : new String[] {"1900-01-01T10:00:00Z", "1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> ArticleLines.parse("{\"id\":\"x\",\"title\":\"T\",\"source\":\"S\","
                    + "\"publishedAt\":\"" + date + "\"}", 5)).as(date)
                    .isInstanceOf(ArticleLines.BadLine.class)
                    .hasMessage("line 5: publishedAt " + date + " is outside 1970 to 9999");
        }
    }
}
