package io.mediamonitor.ingest.parse;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Drops characters that XML 1.0 forbids (C0 controls other than tab, CR and LF, and U+FFFE/U+FFFF),
 * which broken CMS exports put in feeds and which would otherwise fail the whole document.
 */
final class XmlCharFilterReader extends FilterReader {

    XmlCharFilterReader(Reader in) {
        super(in);
    }

    static boolean allowed(char c) {
        return c >= 0x20 ? c != '\uFFFE' && c != '\uFFFF' : c == '\t' || c == '\n' || c == '\r';
    }

    @Override
    public int read() throws IOException {
        int c;
        do {
            c = super.read();
        } while (c >= 0 && !allowed((char) c));
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        while (true) {
            int n = super.read(buffer, offset, length);
            if (n <= 0) {
                return n;
            }
            int kept = offset;
            for (int i = offset; i < offset + n; i++) {
                if (allowed(buffer[i])) {
                    buffer[kept++] = buffer[i];
                }
            }
            if (kept > offset) {
                return kept - offset;
            }
            // the whole chunk was control characters: read on rather than report 0 chars
        }
    }
}
