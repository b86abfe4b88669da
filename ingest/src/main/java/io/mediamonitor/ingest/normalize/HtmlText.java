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
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            // plain text, the common case for titles: skip building a DOM
            return finish(html);
        }
        return finish(decodeLeftoverEntities(Jsoup.parseBodyFragment(html).text()));
    }

    /**
     * Returns text that its feed marks as plain (Atom's {@code type="text"}), null when it holds none: there is no
     * markup in it, so a "<" is a character ("x<y", French quotes written {@code <<...>>}), not the start of a tag.
     */
    public static String plain(String text) {
        return text == null ? null : finish(decodeLeftoverEntities(text));
    }

    /** Like {@link #clean} but cuts the text to at most {@code maxChars} characters. */
    public static String clean(String html, int maxChars) {
        return cut(clean(html), maxChars);
    }

    /** Like {@link #plain} but cuts the text to at most {@code maxChars} characters. */
    public static String plain(String text, int maxChars) {
        return cut(plain(text), maxChars);
    }

    private static String decodeLeftoverEntities(String text) {
        if (text.indexOf('&') >= 0 && LEFTOVER_ENTITY.matcher(text).find()) {
            // double-escaped entities ("&amp;eacute;") are frequent in feeds: decode one more level
            return Parser.unescapeEntities(text, false);
        }
        return text;
    }

    private static String finish(String text) {
        text = collapseWhitespace(text);
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            text = Normalizer.normalize(text, Normalizer.Form.NFC);
        }
        return text.isEmpty() ? null : text;
    }

    /** {@code text} cut to at most {@code maxChars} characters, an ellipsis marking the cut. */
    static String cut(String text, int maxChars) {
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
