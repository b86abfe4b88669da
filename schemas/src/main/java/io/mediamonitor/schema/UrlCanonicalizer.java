package io.mediamonitor.schema;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Canonical form of an article URL, so the same story reached through a newsletter, a social
 * network or two feeds gets one id: tracking parameters and the fragment are dropped, scheme and
 * host lower-cased, the default port removed and an empty path made "/". Other query parameters
 * keep their order and raw encoding, since sites route on them.
 */
public final class UrlCanonicalizer {

    /** Parameters that only identify a campaign or a click, never the content. */
    private static final Set<String> TRACKING_PARAMS = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "igshid", "ttclid",
            "mc_cid", "mc_eid", "xtor", "xtref", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok",
            "at_medium", "at_campaign", "at_platform", "at_link_id", "at_ptr_name", "at_format",
            "wt_mc", "wt.mc_id", "ocid", "cmpid", "ns_mchannel", "ns_source", "ns_campaign",
            "ns_linkname", "ns_fee", "oly_anon_id", "oly_enc_id", "vero_id", "rb_clickid",
            "s_cid", "spm", "__twitter_impression");

    /** Parameter families named by prefix: Google (utm_), Matomo/Piwik (pk_, mtm_). */
    private static final String[] TRACKING_PREFIXES = {"utm_", "pk_", "mtm_"};

    private UrlCanonicalizer() {
    }

    /**
     * Returns the canonical form of {@code url}, resolved against {@code base} when relative, or
     * null when {@code url} is blank. A string that is not a parseable URI comes back trimmed,
     * which still gives a stable id.
     */
    public static String canonicalize(String url, String base) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.strip().replace(" ", "%20");
        try {
            URI uri = new URI(trimmed);
            if (!uri.isAbsolute() && base != null && !base.isBlank()) {
                uri = new URI(base.strip()).resolve(uri);
            }
            return canonical(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return trimmed;
        }
    }

    public static String canonicalize(String url) {
        return canonicalize(url, null);
    }

    private static String canonical(URI uri) {
        if (uri.isOpaque() || uri.getScheme() == null || uri.getRawAuthority() == null) {
            return uri.toString();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(scheme).append("://");
        String host = uri.getHost();
        if (host == null) {
            // authority the URI class could not split (e.g. an underscore in the host)
            out.append(uri.getRawAuthority().toLowerCase(Locale.ROOT));
        } else {
            if (uri.getRawUserInfo() != null) {
                out.append(uri.getRawUserInfo()).append('@');
            }
            out.append(host.toLowerCase(Locale.ROOT));
            int port = uri.getPort();
            if (port != -1 && !isDefaultPort(scheme, port)) {
                out.append(':').append(port);
            }
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        String query = cleanQuery(uri.getRawQuery());
        if (query != null) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    private static boolean isDefaultPort(String scheme, int port) {
        return ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    }

    private static String cleanQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!isTracking(name)) {
                kept.add(pair);
            }
        }
        return kept.length() == 0 ? null : kept.toString();
    }

    static boolean isTracking(String lowerCaseName) {
        if (TRACKING_PARAMS.contains(lowerCaseName)) {
            return true;
        }
        for (String prefix : TRACKING_PREFIXES) {
            if (lowerCaseName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Host of {@code url} without a leading "www.", lower-cased; "" when there is none. */
    public static String domainOf(String url) {
        if (url == null) {
            return "";
        }
        try {
            URI uri = new URI(url);
            String host = uri.getHost();
            if (host == null && uri.getRawAuthority() != null) {
                host = uri.getRawAuthority().replaceFirst("^[^@]*@", "").replaceFirst(":\\d+$", "");
            }
            if (host == null) {
                return "";
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
