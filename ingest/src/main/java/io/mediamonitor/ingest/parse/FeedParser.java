package io.mediamonitor.ingest.parse;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.input.JDOMParseException;
import org.xml.sax.SAXParseException;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with Rome. The encoding comes from the BOM, the XML
 * prolog and the HTTP charset (Rome's XmlReader, lenient); illegal control characters are dropped
 * and Rome's XML healer fixes undeclared HTML entities and bare ampersands. DOCTYPE stays refused
 * (Rome's default), which shuts out external entities (XXE) and entity expansion (billion laughs).
 * Dates Rome cannot read because they name months in another language are read by
 * {@link LocalizedDates}.
 * Every parse has a deadline.
 */
public final class FeedParser {

    private final Duration deadline;

    public FeedParser(Duration deadline) {
        this.deadline = deadline;
    }

    /**
     * Parses one document.
     *
     * @param body        the raw (already decompressed) bytes
     * @param contentType the HTTP Content-Type, or null for a file
     * @param feed        the feed's URL or name, for error messages, and the URL relative links are read against
     */
    public SyndFeed parse(byte[] body, String contentType, String feed) throws FeedParseException {
        return parse(body, contentType, feed, feed);
    }

    /**
     * Parses one document served from {@code documentUrl}, the URL after redirects, which relative links and a
     * relative {@code xml:base} are read against (RFC 3986: the base is the document's retrieval URI).
     */
    public SyndFeed parse(byte[] body, String contentType, String feed, String documentUrl) throws FeedParseException {
        if (body.length == 0) {
            throw new FeedParseException(feed, "empty document", -1, -1, null);
        }
        try (Reader xml = new XmlReader(new ByteArrayInputStream(body), xmlContentType(contentType, body), true,
                "UTF-8");
             // Rome's XML healer reads one char at a time: the buffer keeps that off the decoder
             Reader reader = new BufferedReader(new DeadlineReader(new XmlCharFilterReader(xml), deadline.toMillis()),
                     16 * 1024)) {
            DocumentKeepingInput input = new DocumentKeepingInput();
            input.setAllowDoctypes(false);
            input.setXmlHealerOn(true);
            // the wire feed is kept: it holds the RSS ttl, a scheduling hint
            SyndFeed parsed = new SyndFeedImpl(input.build(reader), true);
            LocalizedDates.fillIn(parsed, input.document);
            XmlBases.resolve(parsed, input.document, documentUrl);
            return parsed;
        } catch (ParsingFeedException e) {
            throw fromParsing(feed, e);
        } catch (FeedException e) {
            throw new FeedParseException(feed, "not a feed: " + e.getMessage(), -1, -1, e);
        } catch (IllegalArgumentException e) {
            // Rome's way of saying no parser recognised the root element
            throw new FeedParseException(feed, "not a feed: " + e.getMessage(), -1, -1, e);
        } catch (DeadlineReader.DeadlineExceeded e) {
            throw new FeedParseException(feed, e.getMessage(), -1, -1, e);
        } catch (IOException e) {
            throw new FeedParseException(feed, "cannot read: " + e.getMessage(), -1, -1, e);
        } catch (RuntimeException e) {
            // Rome converters throw on odd but well-formed documents (bad numbers, odd dates)
            throw new FeedParseException(feed, "cannot convert: " + e, -1, -1, e);
        }
    }

    /** Rome's input, keeping the parsed document for what Rome's converters could not read. */
    private static final class DocumentKeepingInput extends WireFeedInput {
        Document document;

        @Override
        public WireFeed build(Document document) throws IllegalArgumentException, FeedException {
            this.document = document;
            return super.build(document);
        }
    }

    private static FeedParseException fromParsing(String feed, ParsingFeedException e) {
        DeadlineReader.DeadlineExceeded timeout = findCause(e, DeadlineReader.DeadlineExceeded.class);
        if (timeout != null) {
            return new FeedParseException(feed, timeout.getMessage(), -1, -1, e);
        }
        int line = e.getLineNumber();
        int column = e.getColumnNumber();
        SAXParseException sax = findCause(e, SAXParseException.class);
        JDOMParseException jdom = findCause(e, JDOMParseException.class);
        if (sax == null && jdom == null && e.getCause() != null) {
            // well-formed XML that a Rome converter choked on (e.g. an <rss> without <channel>)
            Throwable cause = e.getCause();
            return new FeedParseException(feed, "unexpected feed structure: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), -1, -1, e);
        }
        String message = sax != null ? sax.getMessage() : jdom != null ? jdom.getMessage() : e.getMessage();
        if (line <= 0 && sax != null) {
            line = sax.getLineNumber();
            column = sax.getColumnNumber();
        }
        return new FeedParseException(feed, "XML: " + stripLocation(message), line, column, e);
    }

    /** JDOM repeats "Error on line N: ..." in its messages; the location is reported separately. */
    private static String stripLocation(String message) {
        if (message == null) {
            return "malformed document";
        }
        return message.replaceFirst("^Error on line \\d+( of document [^:]*)?: ", "");
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /**
     * Maps the HTTP Content-Type to what Rome's XmlReader should see. RFC 3023 makes text/xml
     * without a charset US-ASCII, which mangles the many UTF-8 feeds served that way; like browsers
     * and other feed readers, we only let an explicit charset override the document's own
     * declaration, and let the BOM and prolog decide otherwise. A byte order mark beats even an
     * explicit charset, as XML 1.0 (Appendix F) and the WHATWG encoding rules have it: the bytes
     * say what they are, where a server's charset is often a default.
     */
    static String xmlContentType(String contentType, byte[] body) {
        if (contentType == null) {
            return null;
        }
        if (startsWithByteOrderMark(body)) {
            return "application/xml";
        }
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String charset = p.substring("charset=".length()).strip().replace("\"", "").replace("'", "");
                if (!charset.isEmpty()) {
                    return "application/xml; charset=" + charset;
                }
            }
        }
        return "application/xml";
    }

    /** UTF-8's EF BB BF, or UTF-16's FE FF or FF FE. */
    private static boolean startsWithByteOrderMark(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return true;
        }
        return body.length >= 2 && ((body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF
                || (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE);
    }
}
