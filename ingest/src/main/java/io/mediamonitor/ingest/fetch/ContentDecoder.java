package io.mediamonitor.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes Content-Encoding gzip and deflate with a cap on the decompressed size, so a small
 * compressed body that inflates to gigabytes (a gzip bomb) stops at the cap.
 */
public final class ContentDecoder {

    private ContentDecoder() {
    }

    public static byte[] decode(byte[] body, String contentEncoding, long maxBytes) throws FetchException {
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        try {
            return switch (encoding) {
                case "", "identity" -> body;
                case "gzip", "x-gzip" -> isGzip(body)
                        ? readCapped(new GZIPInputStream(new ByteArrayInputStream(body), 8192), maxBytes)
                        // a server that labels a plain body gzip (a misconfigured proxy, a cached file): the
                        // bytes say what they are, as they do for a feed reader that shows it
                        : body;
                case "deflate" -> inflate(body, maxBytes);
                default -> throw new FetchException(FetchException.Kind.BAD_ENCODING,
                        "unsupported Content-Encoding '" + encoding + "'");
            };
        } catch (IOException e) {
            throw new FetchException(FetchException.Kind.BAD_ENCODING,
                    "cannot decode " + encoding + " body: " + e.getMessage(), null, null, e);
        }
    }

    /** "deflate" should be zlib-wrapped (RFC 9110) but some servers send raw deflate: try both. */
    private static byte[] inflate(byte[] body, long maxBytes) throws IOException, FetchException {
        try {
            return inflate(body, false, maxBytes);
        } catch (java.util.zip.ZipException e) {
            return inflate(body, true, maxBytes);
        }
    }

    private static byte[] inflate(byte[] body, boolean raw, long maxBytes) throws IOException, FetchException {
        // an Inflater handed to the stream is not ended by its close: its native memory would wait for a collection
        Inflater inflater = new Inflater(raw);
        try {
            return readCapped(new InflaterInputStream(new ByteArrayInputStream(body), inflater), maxBytes);
        } finally {
            inflater.end();
        }
    }

    /** The gzip magic number, 1f 8b. */
    private static boolean isGzip(byte[] body) {
        return body.length >= 2 && (body[0] & 0xFF) == 0x1F && (body[1] & 0xFF) == 0x8B;
    }

    private static byte[] readCapped(InputStream in, long maxBytes) throws IOException, FetchException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new FetchException(FetchException.Kind.TOO_LARGE,
                            "decompressed body exceeds " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
