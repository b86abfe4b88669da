package io.mediamonitor.ingest.normalize;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Clean text out of feed HTML: tags removed, entities decoded, whitespace collapsed, accents composed with their
 * letters (Unicode NFC: some feeds write "é" as "e" and a combining accent, which searches and taggers miss).
 */
public final class HtmlText {

    private static final Pattern LEFTOVER_ENTITY = Pattern.compile("&(#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,10});");

    private HtmlText() {
    }

    /** Returns the text of {@code html}, null when it holds none. */
    public static String clean(String html) {
        if (html == null) {
            return null;
        }
        String text;
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            // plain text, the common case for titles: skip building a DOM
            text = collapseWhitespace(html);
        } else {
            text = Jsoup.parseBodyFragment(html).text();
            if (text.indexOf('&') >= 0 && LEFTOVER_ENTITY.matcher(text).find()) {
                // double-escaped entities ("&amp;eacute;") are frequent in feeds: decode one more level
                text = Parser.unescapeEntities(text, false);
            }
            text = collapseWhitespace(text);
        }
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            text = Normalizer.normalize(text, Normalizer.Form.NFC);
        }
        return text.isEmpty() ? null : text;
    }

    /** Like {@link #clean} but cuts the text to at most {@code maxChars} characters. */
    public static String clean(String html, int maxChars) {
        String text = clean(html);
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int end = maxChars;
        if (Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    private static String collapseWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
