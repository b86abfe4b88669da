package io.mediamonitor.ingest.normalize;

import io.mediamonitor.schema.ArticleIds;
import io.mediamonitor.schema.UrlCanonicalizer;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import io.mediamonitor.model.Article;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns Rome entries into {@link Article}s: canonical URL and stable id, clean text, event time,
 * language, authors, categories and source. Pure: no I/O, no clock.
 */
public final class ArticleNormalizer {

    /** A URI's scheme and colon (RFC 3986): {@code https:}, {@code tag:}, {@code urn:}. */
    private static final Pattern URI_SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:\\S");

    /** Bounds that keep one record well under Kafka's default 1 MB message size. */
    static final int MAX_TITLE_CHARS = 1_000;
    static final int MAX_SUMMARY_CHARS = 10_000;
    static final int MAX_CONTENT_CHARS = 100_000;
    /** Longer links are no address anyone follows (most servers refuse more than 8 KB): known by GUID or title. */
    static final int MAX_URL_CHARS = 8_192;
    /** A GUID is kept this long; its article's id is the whole GUID's. */
    static final int MAX_GUID_CHARS = 1_000;
    private static final int MAX_LIST_ITEMS = 50;

    private ArticleNormalizer() {
    }

    /** Normalizes every usable entry of {@code feed}; entries with no link, GUID or title are skipped. */
    public static List<Article> normalize(SyndFeed feed, FeedContext context) {
        List<Article> articles = new ArrayList<>(feed.getEntries().size());
        for (SyndEntry entry : feed.getEntries()) {
            Article article = normalize(feed, entry, context);
            if (article != null) {
                articles.add(article);
            }
        }
        return articles;
    }

    /** Returns the article for {@code entry}, or null when the entry has nothing to identify it. */
    public static Article normalize(SyndFeed feed, SyndEntry entry, FeedContext context) {
        String base = context.baseUrl() != null ? context.baseUrl() : context.feedUrl();
        String link = usable(UrlCanonicalizer.canonicalize(entry.getLink(), base));
        String guid = guidOf(feed, entry);
        boolean atom = "atom_1.0".equals(feed.getFeedType());
        String title = textOf(entry.getTitleEx(), atom, MAX_TITLE_CHARS);
        String summary = textOf(entry.getDescription(), atom, MAX_SUMMARY_CHARS);
        String content = contentOf(entry, atom);
        String url;
        String id;
        if (link != null) {
            url = link;
            id = ArticleIds.of(link);
        } else if (guid != null) {
            String guidUrl = looksLikeWebUrl(guid) ? usable(UrlCanonicalizer.canonicalize(guid, base)) : null;
            url = guidUrl != null ? guidUrl : context.feedUrl();
            // a GUID with a scheme (a URL, tag:, urn:) names the item anywhere; a bare one ("42", "post-123") is
            // unique only within its feed
            id = ArticleIds.of(guidUrl != null ? guidUrl
                    : URI_SCHEME.matcher(guid).lookingAt() ? guid : context.feedUrl() + "\nguid\n" + guid);
        } else if (title != null || summary != null) {
            // neither link nor GUID (RSS allows it): the text within this feed is the only handle left
            url = context.feedUrl();
            id = ArticleIds.of(context.feedUrl() + "\n" + (title != null ? title : summary));
        } else {
            return null;
        }
        if (title == null) {
            // summary is clean text already: cut it, never parse it as HTML again
            title = summary != null ? shorten(summary, 120) : url;
        }
        String language = languageOf(feed, entry, context, title, summary, content);
        return Article.newBuilder()
                .setId(id)
                .setUrl(url)
                .setTitle(title)
                .setSummary(summary)
                .setContent(content)
                .setSource(sourceName(feed, context))
                .setFeedUrl(context.feedUrl())
                .setSourceDomain(UrlCanonicalizer.domainOf(url))
                .setLanguage(language)
                .setPublishedAt(PublicationTime.of(entry.getPublishedDate(), entry.getUpdatedDate(),
                        context.fetchedAt(), context.futureSkew()))
                .setFetchedAt(context.fetchedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .setGuid(guid == null ? null : shorten(guid, MAX_GUID_CHARS))
                .setAuthors(authorsOf(entry))
                .setCategories(categoriesOf(entry))
                .build();
    }

    /** The configured source name, else the feed title, else the feed's host. */
    public static String sourceName(SyndFeed feed, FeedContext context) {
        if (context.configuredName() != null && !context.configuredName().isBlank()) {
            return context.configuredName().strip();
        }
        String title = feed == null ? null : HtmlText.clean(feed.getTitle(), 200);
        return title != null ? title : UrlCanonicalizer.domainOf(context.feedUrl());
    }

    private static String contentOf(SyndEntry entry, boolean atom) {
        List<SyndContent> contents = entry.getContents();
        if (contents == null || contents.isEmpty()) {
            return null;
        }
        StringBuilder all = new StringBuilder();
        for (SyndContent c : contents) {
            String text = textOf(c, atom, MAX_CONTENT_CHARS);
            if (text != null) {
                all.append(all.length() > 0 ? " " : "").append(text);
            }
        }
        return all.length() == 0 ? null : HtmlText.cut(all.toString(), MAX_CONTENT_CHARS);
    }

    /**
     * The text of a title, summary or content: Atom 1.0 says whether it is plain text or markup ({@code type="text"},
     * the default there, or {@code html}/{@code xhtml}); RSS does not, and its titles and descriptions hold HTML
     * often enough to be read as such.
     */
    private static String textOf(SyndContent content, boolean atom, int maxChars) {
        if (content == null) {
            return null;
        }
        String type = content.getType();
        boolean plain = type == null ? atom : type.equalsIgnoreCase("text") || type.equalsIgnoreCase("text/plain");
        return plain ? HtmlText.plain(content.getValue(), maxChars) : HtmlText.clean(content.getValue(), maxChars);
    }

    private static String languageOf(SyndFeed feed, SyndEntry entry, FeedContext context, String title,
                                     String summary, String content) {
        DCModule dc = (DCModule) entry.getModule(DCModule.URI);
        String declared = dc == null ? null : LanguageGuesser.normalizeCode(dc.getLanguage());
        if (declared == null) {
            declared = LanguageGuesser.normalizeCode(feed.getLanguage());
        }
        if (declared == null) {
            declared = LanguageGuesser.normalizeCode(context.languageHint());
        }
        if (declared != null) {
            return declared;
        }
        StringBuilder text = new StringBuilder(title == null ? "" : title);
        if (summary != null) {
            text.append(' ').append(summary);
        }
        if (content != null) {
            text.append(' ').append(content, 0, Math.min(content.length(), 2_000));
        }
        return LanguageGuesser.guess(text.toString());
    }

    private static List<String> authorsOf(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        if (entry.getAuthors() != null) {
            for (SyndPerson person : entry.getAuthors()) {
                addClean(names, person.getName());
            }
        }
        if (names.isEmpty()) {
            addClean(names, entry.getAuthor());
        }
        return new ArrayList<>(names);
    }

    private static List<String> categoriesOf(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        if (entry.getCategories() != null) {
            for (SyndCategory category : entry.getCategories()) {
                addClean(names, category.getName());
            }
        }
        DCModule dc = (DCModule) entry.getModule(DCModule.URI);
        if (dc != null && dc.getSubjects() != null) {
            dc.getSubjects().forEach(subject -> addClean(names, subject.getValue()));
        }
        return new ArrayList<>(names);
    }

    private static void addClean(Set<String> into, String raw) {
        String clean = HtmlText.clean(raw, 200);
        if (clean != null && into.size() < MAX_LIST_ITEMS) {
            into.add(clean);
        }
    }

    /**
     * The GUID as the feed gave it. Rome fills the entry URI with the link when an RSS item has no
     * guid; the wire item (kept by the parser) tells the two apart.
     */
    private static String guidOf(SyndFeed feed, SyndEntry entry) {
        Object wire = entry.getWireEntry();
        if (wire instanceof Item item) {
            // RSS 1.0 items are identified by rdf:about, which Rome keeps as the item URI
            if (item.getGuid() != null) {
                return blankToNull(item.getGuid().getValue());
            }
            return "rss_1.0".equals(feed.getFeedType()) ? blankToNull(item.getUri()) : null;
        }
        if (wire instanceof Entry atom) {
            return blankToNull(atom.getId());
        }
        return blankToNull(entry.getUri());
    }

    /** A canonical link, unless it is too long to be one: then none. */
    private static String usable(String url) {
        return url == null || url.length() > MAX_URL_CHARS ? null : url;
    }

    private static String shorten(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars).stripTrailing() + "…";
    }

    private static boolean looksLikeWebUrl(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
