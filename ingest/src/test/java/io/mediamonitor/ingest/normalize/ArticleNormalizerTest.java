package io.mediamonitor.ingest.normalize;

import io.mediamonitor.schema.ArticleIds;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import io.mediamonitor.ingest.Fixtures;
import io.mediamonitor.ingest.parse.FeedParser;
import io.mediamonitor.model.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleNormalizerTest {

    private static final Instant FETCHED = Instant.parse("2025-11-03T12:00:00Z");
    private final FeedParser parser = new FeedParser(Duration.ofSeconds(5));

    private List<Article> read(String fixture, String feedUrl, String name, String language) throws Exception {
        SyndFeed feed = parser.parse(Fixtures.feed(fixture), null, feedUrl);
        return ArticleNormalizer.normalize(feed,
                new FeedContext(feedUrl, feedUrl, name, language, FETCHED, Duration.ofMinutes(10)));
    }

    @Test
    void normalizesAFrenchRssItem() throws Exception {
        List<Article> articles = read("rss2-sahel-fr.xml", "https://journal-du-sahel.example/rss", null, null);
        assertThat(articles).hasSize(3);
        Article a = articles.get(0);
        assertThat(a.getUrl()).isEqualTo("https://www.journal-du-sahel.example/politique/aes-force-conjointe?id=42");
        assertThat(a.getId()).isEqualTo(ArticleIds.of(a.getUrl()));
        assertThat(a.getTitle()).isEqualTo("Mali : l'Alliance des États du Sahel annonce une force conjointe");
        assertThat(a.getSummary()).isEqualTo("Les ministres de la Défense du Mali, du Burkina Faso et du Niger "
                + "ont présenté à Niamey une force unifiée de 5 000 hommes.");
        assertThat(a.getContent()).contains("Selon le communiqué, l'état-major sera basé à Ouagadougou.");
        assertThat(a.getSource()).isEqualTo("Journal du Sahel");
        assertThat(a.getSourceDomain()).isEqualTo("journal-du-sahel.example");
        assertThat(a.getFeedUrl()).isEqualTo("https://journal-du-sahel.example/rss");
        assertThat(a.getLanguage()).isEqualTo("fr");
        assertThat(a.getPublishedAt()).isEqualTo("2025-11-03T08:30:00Z");
        assertThat(a.getFetchedAt()).isEqualTo(FETCHED);
        assertThat(a.getGuid()).isEqualTo("jds-2025-0042");
        assertThat(a.getAuthors()).containsExactly("Aïssata Traoré");
        assertThat(a.getCategories()).containsExactly("Politique", "Sécurité");
    }

    @Test
    void aHostileItemsHugeLinkAndGuidDoNotMakeAHugeArticle() throws Exception {
        String hugeLink = "https://huge.example/a?q=" + "x".repeat(600_000);
        String hugeGuid = "tag:huge.example," + "y".repeat(600_000);
        String doc = "<rss version=\"2.0\"><channel><title>Huge</title><link>https://huge.example/</link>"
                + "<item><title>A hostile story</title><link>" + hugeLink + "</link>"
                + "<guid isPermaLink=\"false\">" + hugeGuid + "</guid><description>News from Gao.</description></item>"
                + "<item><title>Another hostile story</title><link>" + hugeLink + "b</link>"
                + "<description>News from Kidal.</description></item></channel></rss>";
        SyndFeed feed = parser.parse(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8), null,
                "https://huge.example/rss");

        List<Article> articles = ArticleNormalizer.normalize(feed,
                new FeedContext("https://huge.example/rss", null, null, null, FETCHED, Duration.ofMinutes(10)));

        assertThat(articles).hasSize(2);
        // no link to speak of: the item is known by its GUID, whole, and keeps a part of it
        Article byGuid = articles.get(0);
        assertThat(byGuid.getId()).isEqualTo(ArticleIds.of(hugeGuid));
        assertThat(byGuid.getUrl()).isEqualTo("https://huge.example/rss");
        assertThat(byGuid.getGuid()).hasSizeLessThanOrEqualTo(ArticleNormalizer.MAX_GUID_CHARS + 1)
                .startsWith("tag:huge.example,yyy");
        // nor a GUID: by its title within the feed, as an item with neither
        Article byTitle = articles.get(1);
        assertThat(byTitle.getUrl()).isEqualTo("https://huge.example/rss");
        assertThat(byTitle.getId()).isEqualTo(ArticleIds.of("https://huge.example/rss\nAnother hostile story"));
        for (Article article : articles) {
            assertThat(io.mediamonitor.schema.AvroSerde.of(Article.class).serializer().serialize("t", article))
                    .hasSizeLessThan(10_000);
        }
    }

    @Test
    void canonicalizesHostPortAndClampsTheFutureDate() throws Exception {
        Article niger = read("rss2-sahel-fr.xml", "https://journal-du-sahel.example/rss", "JdS", null).get(2);
        assertThat(niger.getUrl()).isEqualTo("https://www.journal-du-sahel.example/economie/niger-delegation");
        assertThat(niger.getPublishedAt()).isEqualTo(FETCHED);
        assertThat(niger.getSource()).isEqualTo("JdS");
    }

    @Test
    void atomEntryWithRelativeLinkEscapedTitleAndNoLanguageIsDetectedAsEnglish() throws Exception {
        List<Article> articles = read("atom-sahel-en.xml", "https://brief.sahel-security.example/atom.xml", null, null);
        Article a = articles.get(0);
        assertThat(a.getUrl()).isEqualTo("https://brief.sahel-security.example/briefs/118-niger-mali-defence-pact");
        assertThat(a.getTitle()).isEqualTo("Niger & Mali sign defence pact");
        assertThat(a.getLanguage()).isEqualTo("en");
        assertThat(a.getAuthors()).containsExactly("Jane Okafor", "Idrissa Maïga");
        assertThat(a.getCategories()).containsExactly("defence");
        assertThat(a.getPublishedAt()).isEqualTo("2025-11-03T07:45:00Z");
        assertThat(a.getGuid()).isEqualTo("tag:sahel-security.example,2025:brief-118");
        assertThat(a.getContent()).contains("joint patrols in the Liptako-Gourma area");
        // no published date: the updated date stands in
        assertThat(articles.get(1).getPublishedAt()).isEqualTo("2025-11-02T16:00:00Z");
    }

    @Test
    void rss1TakesDublinCoreDatesAuthorsSubjectsAndLanguage() throws Exception {
        Article a = read("rss1-sahel.rdf", "https://sahel-veille.example/rss", null, null).get(0);
        assertThat(a.getPublishedAt()).isEqualTo("2025-11-03T05:00:00Z");
        assertThat(a.getLanguage()).isEqualTo("fr");
        assertThat(a.getAuthors()).containsExactly("Rédaction");
        assertThat(a.getCategories()).containsExactly("Revue de presse");
        assertThat(a.getGuid()).isEqualTo("https://sahel-veille.example/revue/2025-11-03");
    }

    @Test
    void theConfiguredLanguageHintFillsInWhenTheFeedIsSilent() throws Exception {
        assertThat(read("atom-sahel-en.xml", "https://b.example/atom", null, "fr").get(0).getLanguage()).isEqualTo("fr");
    }

    @Test
    void sameStoryInTwoFeedsGetsOneId() throws Exception {
        Article fr = read("rss2-sahel-fr.xml", "https://a.example/rss", null, null).get(0);
        Article en = read("rss2-sahel-en.xml", "https://b.example/rss", null, null).get(0);
        // different tracking parameters, parameter order kept: one canonical URL, one id
        assertThat(en.getUrl()).isEqualTo("https://www.journal-du-sahel.example/politique/aes-force-conjointe?id=42");
        assertThat(en.getUrl()).isEqualTo(fr.getUrl());
        assertThat(en.getId()).isEqualTo(fr.getId());
    }

    @Test
    void entryWithoutLinkFallsBackToItsGuid() throws Exception {
        String doc = "<rss version=\"2.0\"><channel><title>T</title><link>https://t.example/</link><description>d</description>"
                + "<item><title>Sans lien</title><guid isPermaLink=\"false\">abc-123</guid></item>"
                + "<item><description>nothing to identify</description></item></channel></rss>";
        SyndFeed feed = parser.parse(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, "t");
        List<Article> articles = ArticleNormalizer.normalize(feed, FeedContext.of("https://t.example/rss", FETCHED));
        assertThat(articles).hasSize(2);
        assertThat(articles.get(0).getId()).isEqualTo(ArticleIds.of("https://t.example/rss\nguid\nabc-123"));
        assertThat(articles.get(0).getUrl()).isEqualTo("https://t.example/rss");
        assertThat(articles.get(1).getTitle()).isEqualTo("nothing to identify");
    }

    @Test
    void atomPlainTextKeepsItsLessThanSignsWhileMarkupIsStripped() throws Exception {
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><id>urn:x</id>"
                + "<updated>2026-04-01T00:00:00Z</updated>"
                + "<entry><title type=\"text\">Le ministre : &lt;&lt;Nous resterons au Mali&gt;&gt;</title>"
                + "<id>urn:1</id><link href=\"https://ex.example/p1\"/><updated>2026-04-01T00:00:00Z</updated>"
                + "<summary type=\"text\">Inflation &lt;2% au Niger, x&lt;y selon la BCEAO</summary>"
                + "<content type=\"text\">Why &lt;script&gt; tags still matter</content></entry>"
                + "<entry><title>Why &lt;script&gt; tags still matter</title><id>urn:2</id>"
                + "<link href=\"https://ex.example/p2\"/><updated>2026-04-01T00:00:00Z</updated>"
                + "<summary type=\"html\">&lt;p&gt;Niamey &amp;amp; &lt;b&gt;Bamako&lt;/b&gt;&lt;/p&gt;</summary>"
                + "</entry></feed>";
        SyndFeed feed = parser.parse(atom.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/atom+xml",
                "https://ex.example/atom");
        List<Article> articles = ArticleNormalizer.normalize(feed, FeedContext.of("https://ex.example/atom", FETCHED));

        assertThat(articles.get(0).getTitle()).isEqualTo("Le ministre : <<Nous resterons au Mali>>");
        assertThat(articles.get(0).getSummary()).isEqualTo("Inflation <2% au Niger, x<y selon la BCEAO");
        assertThat(articles.get(0).getContent()).isEqualTo("Why <script> tags still matter");
        // an Atom title without a type is text too
        assertThat(articles.get(1).getTitle()).isEqualTo("Why <script> tags still matter");
        assertThat(articles.get(1).getSummary()).isEqualTo("Niamey & Bamako");
    }

    @Test
    void theSameGuidThatIsNotAUrlInTwoFeedsNamesTwoArticles() throws Exception {
        String a = "<rss version=\"2.0\"><channel><title>A</title><link>https://a.example/</link><description>d"
                + "</description><item><title>Coup attempt in Niamey</title><guid isPermaLink=\"false\">42</guid></item>"
                + "</channel></rss>";
        String b = a.replace("a.example", "b.example").replace("Coup attempt in Niamey", "Harvest figures for Mopti");
        Article fromA = ArticleNormalizer.normalize(parser.parse(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null, "a"), FeedContext.of("https://a.example/rss", FETCHED)).get(0);
        Article fromB = ArticleNormalizer.normalize(parser.parse(b.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null, "b"), FeedContext.of("https://b.example/rss", FETCHED)).get(0);

        assertThat(fromB.getId()).isNotEqualTo(fromA.getId());
        // one with a scheme, such as a tag: URI, is unique anywhere, as the hostile item above is known
        String tagged = a.replace(">42<", ">tag:wire.example,2026:42<");
        assertThat(ArticleNormalizer.normalize(parser.parse(tagged.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null, "t"), FeedContext.of("https://a.example/rss", FETCHED)).get(0).getId())
                .isEqualTo(ArticleIds.of("tag:wire.example,2026:42"));
        // a GUID that is a URL names the article wherever it is read
        String c = a.replace("<guid isPermaLink=\"false\">42</guid>", "<guid>https://wire.example/story/42</guid>");
        Article inA = ArticleNormalizer.normalize(parser.parse(c.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null, "c"), FeedContext.of("https://a.example/rss", FETCHED)).get(0);
        Article inB = ArticleNormalizer.normalize(parser.parse(c.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null, "c"), FeedContext.of("https://b.example/rss", FETCHED)).get(0);
        assertThat(inA.getId()).isEqualTo(inB.getId()).isEqualTo(ArticleIds.of("https://wire.example/story/42"));
    }
}
