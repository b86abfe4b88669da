package io.mediamonitor.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

    @Test
    void dropsTrackingParametersAndFragmentKeepingOtherParametersInOrder() {
        assertThat(UrlCanonicalizer.canonicalize(
                "https://example.com/a?utm_source=x&id=42&fbclid=1&gclid=2&mc_cid=3&xtor=RSS-1&page=2#top"))
                .isEqualTo("https://example.com/a?id=42&page=2");
    }

    @Test
    void lowerCasesSchemeAndHostButNotThePath() {
        assertThat(UrlCanonicalizer.canonicalize("HTTPS://WWW.Example.COM/Path/To"))
                .isEqualTo("https://www.example.com/Path/To");
    }

    @Test
    void dropsDefaultPortsOnlyAndAddsRootPath() {
        assertThat(UrlCanonicalizer.canonicalize("http://example.com:80")).isEqualTo("http://example.com/");
        assertThat(UrlCanonicalizer.canonicalize("https://example.com:443/x")).isEqualTo("https://example.com/x");
        assertThat(UrlCanonicalizer.canonicalize("https://example.com:8443/x")).isEqualTo("https://example.com:8443/x");
    }

    @Test
    void removesQueryEntirelyWhenOnlyTrackingRemains() {
        assertThat(UrlCanonicalizer.canonicalize("https://example.com/a?utm_medium=rss&UTM_Campaign=z"))
                .isEqualTo("https://example.com/a");
    }

    @Test
    void keepsRawEncodingOfPathAndQuery() {
        assertThat(UrlCanonicalizer.canonicalize("https://example.com/%C3%A9t%C3%A9?q=a%20b&utm_source=x"))
                .isEqualTo("https://example.com/%C3%A9t%C3%A9?q=a%20b");
    }

    @Test
    void resolvesRelativeLinksAgainstTheFeed() {
        assertThat(UrlCanonicalizer.canonicalize("/briefs/1?utm_source=rss", "https://brief.example/feed.xml"))
                .isEqualTo("https://brief.example/briefs/1");
    }

    @Test
    void sameStoryThroughDifferentTrackingGetsTheSameId() {
        String a = UrlCanonicalizer.canonicalize("https://WWW.example.com:443/story?utm_source=fb#c");
        String b = UrlCanonicalizer.canonicalize("https://www.example.com/story?fbclid=XYZ");
        assertThat(ArticleIds.of(a)).isEqualTo(ArticleIds.of(b)).hasSize(32).matches("[0-9a-f]{32}");
    }

    @Test
    void blankIsNullAndGarbageIsKeptTrimmed() {
        assertThat(UrlCanonicalizer.canonicalize("  ")).isNull();
        assertThat(UrlCanonicalizer.canonicalize(" not a [url ")).isEqualTo("not%20a%20[url");
    }

    @Test
    void domainDropsWww() {
        assertThat(UrlCanonicalizer.domainOf("https://www.lemonde.fr/afrique/")).isEqualTo("lemonde.fr");
        assertThat(UrlCanonicalizer.domainOf("https://news.example.org:8080/x")).isEqualTo("news.example.org");
        assertThat(UrlCanonicalizer.domainOf("urn:x")).isEmpty();
    }
}
