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
                .hasMessage("line 9: publishedAt is not ISO-8601: 'yesterday'");
        assertThatThrownBy(() -> ArticleLines.parse("{\"title\":\"T\",\"publishedAt\":\"2024-11-21T09:30:00Z\"}", 3))
                .hasMessage("line 3: source is missing");
        assertThatThrownBy(() -> ArticleLines.parse("[1,2]", 4)).hasMessage("line 4: expected a JSON object");
    }
}
