package io.mediamonitor.ingest.parse;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Resolves Atom entries' relative links against the {@code xml:base} in scope on the feed and the entry (RFC 4287
 * section 2, XML Base), which Rome leaves as written: without it, {@code posts/2.html} under {@code
 * xml:base="https://ex.example/blog/"} would be resolved against the feed's own URL, a page that does not exist.
 * A relative {@code xml:base} is resolved against the document's URL. Rome's entries follow the document's entries
 * one for one; a feed whose count differs, or without an {@code xml:base}, is left as it is.
 */
final class XmlBases {

    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");

    private XmlBases() {
    }

    static void resolve(SyndFeed feed, Document document, String documentUrl) {
        if (document == null || !document.hasRootElement()) {
            return;
        }
        Element root = document.getRootElement();
        if (!"feed".equals(root.getName()) || !ATOM.equals(root.getNamespace())) {
            return;
        }
        List<Element> items = root.getChildren("entry", ATOM);
        List<SyndEntry> entries = feed.getEntries();
        if (items.size() != entries.size()) {
            return;
        }
        boolean feedDeclares = declared(root) != null;
        URI feedBase = base(root, uri(documentUrl));
        for (int i = 0; i < items.size(); i++) {
            if (!feedDeclares && declared(items.get(i)) == null) {
                continue;
            }
            URI base = base(items.get(i), feedBase);
            if (base == null || !base.isAbsolute()) {
                continue;
            }
            SyndEntry entry = entries.get(i);
            entry.setLink(resolved(base, entry.getLink()));
            for (SyndLink link : entry.getLinks()) {
                link.setHref(resolved(base, link.getHref()));
            }
        }
    }

    /** The element's {@code xml:base} resolved against {@code outer}, or {@code outer} when it has none. */
    private static URI base(Element element, URI outer) {
        String declared = declared(element);
        URI own = declared == null ? null : uri(declared.strip());
        if (own == null) {
            return outer;
        }
        return outer == null || own.isAbsolute() ? own : outer.resolve(own);
    }

    private static String declared(Element element) {
        return element.getAttributeValue("base", Namespace.XML_NAMESPACE);
    }

    private static String resolved(URI base, String href) {
        URI link = href == null ? null : uri(href.strip());
        return link == null || link.isAbsolute() ? href : base.resolve(link).toString();
    }

    private static URI uri(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
