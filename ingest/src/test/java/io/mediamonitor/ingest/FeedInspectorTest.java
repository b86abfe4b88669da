package io.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediamonitor.model.Article;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedInspectorTest {

    private final FeedInspector inspector = new FeedInspector(IngestConfig.defaults().withAllowPrivateAddresses(true));

    @Test
    void readsALocalFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jds.xml");
        Files.write(file, Fixtures.feed("rss2-sahel-fr.xml"));
        List<Article> articles = inspector.inspect(file.toString());
        assertThat(articles).hasSize(3);
        assertThat(articles.get(0).getFeedUrl()).startsWith("file:").endsWith("jds.xml");
        assertThat(articles.get(0).getSource()).isEqualTo("Journal du Sahel");
    }

    @Test
    void readsAUrl() throws Exception {
        try (FeedServer server = new FeedServer().feed("/atom.xml", Fixtures.feed("atom-sahel-en.xml"), "application/atom+xml", "\"a\"")) {
            assertThat(inspector.inspect(server.url("/atom.xml"))).extracting(Article::getTitle)
                    .containsExactly("Niger & Mali sign defence pact", "Burkina Faso: attack near Djibo");
        }
    }

    @Test
    void failuresNameTheFeedAndTheCause(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.xml");
        Files.write(bad, Fixtures.feed("malformed.xml"));
        assertThatThrownBy(() -> inspector.inspect(bad.toString()))
                .isInstanceOf(FeedInspector.InspectionException.class)
                .hasMessageContaining("bad.xml").hasMessageContaining("XML:");
        assertThatThrownBy(() -> inspector.inspect(dir.resolve("none.xml").toString()))
                .hasMessageContaining("cannot read");
        try (FeedServer server = new FeedServer()) {
            assertThatThrownBy(() -> inspector.inspect(server.url("/missing")))
                    .hasMessageContaining("HTTP 404");
        }
    }

    @Test
    void writesJsonLinesWithSchemaFieldNamesAndIsoTimes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jds.xml");
        Files.write(file, Fixtures.feed("rss2-sahel-fr.xml"));
        StringWriter out = new StringWriter();
        ArticleJsonWriter.write(inspector.inspect(file.toString()), out);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(3);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.fieldNames()).toIterable().containsExactly("id", "url", "title", "summary", "source",
                "feedUrl", "language", "publishedAt", "fetchedAt", "content", "sourceDomain", "guid", "authors",
                "categories");
        assertThat(first.get("publishedAt").asText()).isEqualTo("2025-11-03T08:30:00Z");
        assertThat(first.get("title").asText()).isEqualTo("Mali : l'Alliance des États du Sahel annonce une force conjointe");
        assertThat(first.get("authors").get(0).asText()).isEqualTo("Aïssata Traoré");
        assertThat(first.get("guid").asText()).isEqualTo("jds-2025-0042");
        // the second item has no guid: null, not its link
        assertThat(new ObjectMapper().readTree(lines[1]).get("guid").isNull()).isTrue();
    }
}
