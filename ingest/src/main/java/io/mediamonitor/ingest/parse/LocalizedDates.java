package io.mediamonitor.ingest.parse;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Gives entries the publication date Rome left empty because it could not read it: an RSS
 * {@code pubDate} that names its month in another language ({@code lun., 06 avr. 2026 09:15:00
 * +0200}), a numeric date where RFC 822 or ISO 8601 belongs ({@code 2026-04-01 10:00:00}), in
 * {@code pubDate}, {@code dc:date} or Atom's {@code published} and {@code updated}; read by
 * {@link LocalizedDate}. Rome's entries follow the document's items one for one; a feed whose count
 * differs is left as it is.
 */
final class LocalizedDates {

    private static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final Namespace RSS1 = Namespace.getNamespace("http://purl.org/rss/1.0/");

    private LocalizedDates() {
    }

    static void fillIn(SyndFeed feed, Document document) {
        if (document == null || !document.hasRootElement()) {
            return;
        }
        Element root = document.getRootElement();
        List<Element> items;
        if ("rss".equals(root.getName()) && root.getChild("channel") != null) {
            items = root.getChild("channel").getChildren("item");
        } else if ("feed".equals(root.getName()) && ATOM.equals(root.getNamespace())) {
            items = root.getChildren("entry", ATOM);
        } else if ("RDF".equals(root.getName())) {
            items = root.getChildren("item", RSS1);
        } else {
            return;
        }
        List<SyndEntry> entries = feed.getEntries();
        if (items.size() != entries.size()) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            SyndEntry entry = entries.get(i);
            Element item = items.get(i);
            if (entry.getPublishedDate() == null) {
                dateOf(item.getChildText("pubDate"), item.getChildText("date", DC), item.getChildText("published", ATOM))
                        .ifPresent(when -> entry.setPublishedDate(Date.from(when)));
            }
            if (entry.getPublishedDate() == null && entry.getUpdatedDate() == null) {
                dateOf(item.getChildText("updated", ATOM)).ifPresent(when -> entry.setUpdatedDate(Date.from(when)));
            }
        }
    }

    /** The first of the texts that reads as a date. */
    private static Optional<Instant> dateOf(String... texts) {
        for (String text : texts) {
            Optional<Instant> when = LocalizedDate.parse(text);
            if (when.isPresent()) {
                return when;
            }
        }
        return Optional.empty();
    }
}
