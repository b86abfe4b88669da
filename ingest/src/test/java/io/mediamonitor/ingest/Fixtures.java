package io.mediamonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The fixture feeds under src/test/resources/feeds, and hostile documents generated in code. */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] feed(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An RSS document whose title pulls a local file through an external entity. */
    public static byte[] xxe(String fileUrl) {
        return ("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY secret SYSTEM \"" + fileUrl + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>t</title><link>https://x.example/</link><description>d</description>"
                + "<item><title>&secret;</title><link>https://x.example/a</link></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The classic exponential entity expansion ("billion laughs"). */
    public static byte[] billionLaughs() {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        doc.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            doc.append("<!ENTITY lol").append(i).append(" \"");
            doc.append(("&lol" + (i - 1) + ";").repeat(10));
            doc.append("\">\n");
        }
        doc.append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><link>https://x.example/</link>"
                + "<description>d</description></channel></rss>");
        return doc.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A small RSS 2.0 document with {@code items} entries whose links start with {@code base}. */
    public static byte[] rss(String title, String base, int items) {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>");
        doc.append("<title>").append(title).append("</title><link>").append(base).append("</link>");
        doc.append("<description>Sahel news</description><language>en</language>");
        for (int i = 0; i < items; i++) {
            doc.append("<item><title>Story ").append(i).append(" on the Sahel</title><link>").append(base)
                    .append("/story/").append(i).append("</link><description>Troops of Mali and Niger met in Niamey, "
                            + "said the officials of the three states.</description>")
                    .append("<pubDate>Mon, 03 Nov 2025 08:").append(String.format("%02d", i % 60))
                    .append(":00 GMT</pubDate></item>");
        }
        return doc.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
