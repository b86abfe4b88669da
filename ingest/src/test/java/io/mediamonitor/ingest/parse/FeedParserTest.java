package io.mediamonitor.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import io.mediamonitor.ingest.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {

    private final FeedParser parser = new FeedParser(Duration.ofSeconds(5));

    @Test
    void parsesRss2() throws Exception {
        SyndFeed feed = parser.parse(Fixtures.feed("rss2-sahel-fr.xml"), "application/rss+xml", "fr");
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("Journal du Sahel");
        assertThat(feed.getEntries()).hasSize(3);
        assertThat(feed.getEntries().get(0).getTitle()).startsWith("Mali : l'Alliance des États du Sahel");
    }

    @Test
    void datesWithFrenchMonthNamesAreReadNotLeftEmpty() throws Exception {
        String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Le Sahel</title>"
                + "<link>https://sahel.example/</link><description>d</description><language>fr</language>"
                + "<item><title>Bamako</title><link>https://sahel.example/1</link>"
                + "<pubDate>lun., 06 avr. 2026 09:15:00 +0200</pubDate></item>"
                + "<item><title>Gao</title><link>https://sahel.example/2</link>"
                + "<pubDate>Mon, 06 Apr 2026 10:00:00 GMT</pubDate></item>"
                + "<item><title>Mopti</title><link>https://sahel.example/3</link><pubDate>bientôt</pubDate></item>"
                + "</channel></rss>";
        SyndFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), "application/rss+xml", "fr-dates");
        assertThat(feed.getEntries()).extracting(e -> e.getPublishedDate() == null ? null : e.getPublishedDate().toInstant())
                .containsExactly(java.time.Instant.parse("2026-04-06T07:15:00Z"),
                        java.time.Instant.parse("2026-04-06T10:00:00Z"), null);
    }

    @Test
    void numericAndCommentedDatesAreReadInEveryDialect() throws Exception {
        String rss = "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>T</title>"
                + "<link>https://sahel.example/</link><description>d</description>"
                + "<item><title>Bamako</title><link>https://sahel.example/1</link>"
                + "<pubDate>2026-04-01 10:00:00</pubDate></item>"
                + "<item><title>Gao</title><link>https://sahel.example/2</link>"
                + "<pubDate>Mon, 06 Apr 2026 09:15:00 +0200 (CEST)</pubDate></item>"
                + "<item><title>Mopti</title><link>https://sahel.example/3</link>"
                + "<dc:date>mer., 01 avr. 2026 12:00:00 +0000</dc:date></item>"
                + "</channel></rss>";
        assertThat(parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, "rss").getEntries())
                .extracting(e -> e.getPublishedDate() == null ? null : e.getPublishedDate().toInstant())
                .containsExactly(java.time.Instant.parse("2026-04-01T10:00:00Z"),
                        java.time.Instant.parse("2026-04-06T07:15:00Z"), java.time.Instant.parse("2026-04-01T12:00:00Z"));
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><id>urn:a</id>"
                + "<updated>2026-04-02T00:00:00Z</updated>"
                + "<entry><title>Niamey</title><id>urn:1</id><link href=\"https://a.example/1\"/>"
                + "<published>2026-04-01 10:00:00 +0100</published><updated>2026-04-01 11:00:00</updated></entry>"
                + "<entry><title>Agadez</title><id>urn:2</id><link href=\"https://a.example/2\"/>"
                + "<updated>2026-04-01 12:30</updated></entry></feed>";
        List<SyndEntry> entries = parser.parse(atom.getBytes(StandardCharsets.UTF_8), null, "atom").getEntries();
        assertThat(entries.get(0).getPublishedDate().toInstant()).isEqualTo("2026-04-01T09:00:00Z");
        assertThat(entries.get(1).getPublishedDate()).isNull();
        assertThat(entries.get(1).getUpdatedDate().toInstant()).isEqualTo("2026-04-01T12:30:00Z");
    }

    @Test
    void atomLinksResolveAgainstTheXmlBaseInScope() throws Exception {
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://ex.example/blog/\">"
                + "<title>A</title><id>urn:x</id><updated>2026-04-01T00:00:00Z</updated>"
                + "<entry><title>Two</title><id>urn:2</id><link href=\"posts/2.html\"/>"
                + "<updated>2026-04-01T00:00:00Z</updated></entry>"
                + "<entry xml:base=\"archive/\"><title>One</title><id>urn:1</id><link href=\"1.html\"/>"
                + "<updated>2026-04-01T00:00:00Z</updated></entry>"
                + "<entry><title>Elsewhere</title><id>urn:0</id><link href=\"https://other.example/0\"/>"
                + "<updated>2026-04-01T00:00:00Z</updated></entry></feed>";
        List<SyndEntry> entries = parser.parse(atom.getBytes(StandardCharsets.UTF_8), "application/atom+xml",
                "https://feeds.ex.example/atom.xml").getEntries();
        assertThat(entries).extracting(SyndEntry::getLink).containsExactly("https://ex.example/blog/posts/2.html",
                "https://ex.example/blog/archive/1.html", "https://other.example/0");

        // a relative xml:base is read against the document's URL; without one, links are left to the normalizer
        String relative = atom.replace("xml:base=\"https://ex.example/blog/\"", "xml:base=\"/blog/\"");
        assertThat(parser.parse(relative.getBytes(StandardCharsets.UTF_8), null, "https://feeds.ex.example/atom.xml")
                .getEntries().get(0).getLink()).isEqualTo("https://feeds.ex.example/blog/posts/2.html");
        String none = atom.replace(" xml:base=\"https://ex.example/blog/\"", "").replace(" xml:base=\"archive/\"", "");
        assertThat(parser.parse(none.getBytes(StandardCharsets.UTF_8), null, "https://feeds.ex.example/atom.xml")
                .getEntries().get(0).getLink()).isEqualTo("posts/2.html");
    }

    @Test
    void parsesAtom1AndRss1() throws Exception {
        assertThat(parser.parse(Fixtures.feed("atom-sahel-en.xml"), null, "atom").getFeedType()).isEqualTo("atom_1.0");
        SyndFeed rdf = parser.parse(Fixtures.feed("rss1-sahel.rdf"), "application/rdf+xml", "rdf");
        assertThat(rdf.getFeedType()).isEqualTo("rss_1.0");
        assertThat(rdf.getEntries()).extracting(SyndEntry::getTitle)
                .containsExactly("Revue de presse du 3 novembre : Tombouctou sous blocus",
                        "Revue de presse du 2 novembre : carburant à Bamako");
    }

    @Test
    void parsesOlderDialects() throws Exception {
        String rss091 = "<?xml version=\"1.0\"?><rss version=\"0.91\"><channel><title>Old</title>"
                + "<link>https://old.example/</link><description>d</description><language>en</language>"
                + "<item><title>Gao</title><link>https://old.example/gao</link></item></channel></rss>";
        String atom03 = "<?xml version=\"1.0\"?><feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\">"
                + "<title>Old Atom</title><modified>2025-11-01T00:00:00Z</modified>"
                + "<entry><title>Mopti</title><link rel=\"alternate\" type=\"text/html\" href=\"https://old.example/mopti\"/>"
                + "<id>tag:old.example,2025:1</id><issued>2025-11-01T00:00:00Z</issued><modified>2025-11-01T00:00:00Z</modified></entry></feed>";
        assertThat(parser.parse(rss091.getBytes(StandardCharsets.UTF_8), null, "091").getFeedType()).isEqualTo("rss_0.91U");
        SyndFeed atom = parser.parse(atom03.getBytes(StandardCharsets.UTF_8), null, "03");
        assertThat(atom.getFeedType()).isEqualTo("atom_0.3");
        assertThat(atom.getEntries().get(0).getLink()).isEqualTo("https://old.example/mopti");
    }

    @Test
    void readsIso88591FromTheProlog() throws Exception {
        SyndFeed feed = parser.parse(Fixtures.feed("rss2-latin1.xml"), "text/xml", "latin1");
        assertThat(feed.getTitle()).isEqualTo("Le Républicain de Bamako");
        assertThat(feed.getEntries().get(0).getTitle()).contains("l'armée malienne contrôle");
    }

    @Test
    void httpCharsetOverridesAMissingDeclaration() throws Exception {
        byte[] latin1 = "<rss version=\"2.0\"><channel><title>Ségou</title><link>https://x.example/</link><description>d</description></channel></rss>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(parser.parse(latin1, "application/rss+xml; charset=ISO-8859-1", "cs").getTitle()).isEqualTo("Ségou");
    }

    @Test
    void utf8ServedAsTextXmlWithoutCharsetIsNotMangled() throws Exception {
        SyndFeed feed = parser.parse(Fixtures.feed("rss2-sahel-fr.xml"), "text/xml", "fr");
        assertThat(feed.getDescription()).contains("L'actualité du Sahel");
    }

    @Test
    void honoursAUtf8Bom() throws Exception {
        byte[] body = Fixtures.feed("rss2-sahel-en.xml");
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(parser.parse(withBom, null, "bom").getTitle()).isEqualTo("Sahel Monitor");
    }

    @Test
    void healsUndeclaredHtmlEntitiesAndBareAmpersands() throws Exception {
        SyndFeed feed = parser.parse(Fixtures.feed("entities.xml"), "application/xml", "entities");
        assertThat(feed.getTitle()).isEqualTo("Région Sahel & Sahara");
        SyndEntry entry = feed.getEntries().get(0);
        assertThat(entry.getTitle()).isEqualTo("Sécurité au Liptako – le point");
        assertThat(entry.getLink()).isEqualTo("https://entites.example/securite?a=1&b=2");
        assertThat(entry.getDescription().getValue()).contains("l’AES «\u00a0renforcent\u00a0»");
    }

    @Test
    void dropsIllegalControlCharacters() throws Exception {
        String doc = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Ni\u0001ger\u000B</title>"
                + "<link>https://x.example/</link><description>d\u001F</description></channel></rss>";
        assertThat(parser.parse(doc.getBytes(StandardCharsets.UTF_8), null, "ctl").getTitle()).isEqualTo("Niger");
    }

    @Test
    void malformedXmlNamesTheFeedAndTheLine() {
        assertThatThrownBy(() -> parser.parse(Fixtures.feed("malformed.xml"), null, "https://broken.example/rss"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("feed https://broken.example/rss: XML: ")
                .satisfies(e -> assertThat(((FeedParseException) e).line()).isGreaterThan(1))
                .hasMessageContaining("at line ");
    }

    @Test
    void notAFeedIsAClearError() {
        assertThatThrownBy(() -> parser.parse("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), "text/html", "page"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("feed page: not a feed");
        assertThatThrownBy(() -> parser.parse(new byte[0], null, "empty"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("empty document");
    }

    @Test
    void externalEntitiesNeverReachTheOutput(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        byte[] doc = Fixtures.xxe(secret.toUri().toString());
        String outcome;
        try {
            SyndFeed feed = parser.parse(doc, null, "xxe");
            outcome = feed.getEntries().isEmpty() ? "" : feed.getEntries().get(0).getTitle();
        } catch (FeedParseException e) {
            outcome = e.getMessage();
            assertThat(e.reason()).containsIgnoringCase("DOCTYPE");
        }
        assertThat(outcome).doesNotContain("TOP-SECRET-CONTENT");
    }

    @Test
    void billionLaughsFailsFast() {
        // refused by the DOCTYPE rule before any expansion, not stopped later by the parse deadline
        assertThatThrownBy(() -> parser.parse(Fixtures.billionLaughs(), null, "lol"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("deadline");
    }

    @Test
    void deadlineStopsAParseThatTakesTooLong() {
        FeedParser impatient = new FeedParser(Duration.ZERO);
        assertThatThrownBy(() -> impatient.parse(Fixtures.feed("rss2-sahel-fr.xml"), null, "slow"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("parse deadline");
    }

    @Test
    void contentTypeMapping() {
        byte[] body = "<rss/>".getBytes(StandardCharsets.UTF_8);
        assertThat(FeedParser.xmlContentType(null, body)).isNull();
        assertThat(FeedParser.xmlContentType("text/xml", body)).isEqualTo("application/xml");
        assertThat(FeedParser.xmlContentType("text/xml; Charset=\"iso-8859-1\"", body))
                .isEqualTo("application/xml; charset=iso-8859-1");
    }

    @Test
    void aByteOrderMarkWinsOverTheServersCharset() throws Exception {
        String doc = "<rss version=\"2.0\"><channel><title>Le Journal</title><link>https://ex.example/</link>"
                + "<description>d</description><item><title>Élection au Niger : la société civile réagit</title>"
                + "<link>https://ex.example/a</link></item></channel></rss>";
        byte[] utf8 = doc.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        byte[] utf16 = ("\uFEFF" + doc).getBytes(StandardCharsets.UTF_16LE);

        for (byte[] body : new byte[][] {withBom, utf16}) {
            SyndFeed feed = parser.parse(body, "application/rss+xml; charset=ISO-8859-1", "https://ex.example/rss");
            assertThat(feed.getEntries().get(0).getTitle()).isEqualTo("Élection au Niger : la société civile réagit");
        }
        // without a mark, the server's charset still beats the default
        String latin1 = "<rss version=\"2.0\"><channel><title>T</title><link>https://ex.example/</link>"
                + "<description>d</description><item><title>Société</title><link>https://ex.example/b</link></item>"
                + "</channel></rss>";
        assertThat(parser.parse(latin1.getBytes(StandardCharsets.ISO_8859_1), "text/xml; charset=ISO-8859-1", "l1")
                .getEntries().get(0).getTitle()).isEqualTo("Société");
    }
}
