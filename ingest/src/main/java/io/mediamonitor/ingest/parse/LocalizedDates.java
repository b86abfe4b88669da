package io.mediamonitor.ingest.parse;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;

/**
 * Gives RSS entries the publication date Rome left empty because their {@code pubDate} names its
 * month in another language ({@code lun., 06 avr. 2026 09:15:00 +0200}), read by
 * {@link LocalizedDate}. Rome's entries follow the document's items one for one; a feed whose
 * count differs is left as it is.
 */
final class LocalizedDates {

    private LocalizedDates() {
    }

    static void fillIn(SyndFeed feed, Document document) {
        if (document == null || !document.hasRootElement() || !"rss".equals(document.getRootElement().getName())) {
            return; // Atom and RSS 1.0 write ISO dates, which Rome reads
        }
        Element channel = document.getRootElement().getChild("channel");
        if (channel == null) {
            return;
        }
        List<Element> items = channel.getChildren("item");
        List<SyndEntry> entries = feed.getEntries();
        if (items.size() != entries.size()) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            SyndEntry entry = entries.get(i);
            if (entry.getPublishedDate() == null) {
                LocalizedDate.parse(items.get(i).getChildText("pubDate"))
                        .ifPresent(when -> entry.setPublishedDate(Date.from(when)));
            }
        }
    }
}
