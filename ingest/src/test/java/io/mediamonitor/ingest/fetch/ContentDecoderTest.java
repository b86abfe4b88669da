package io.mediamonitor.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ContentDecoderTest {

    private static final byte[] FEED = "<rss version=\"2.0\"><channel><title>Sahel</title></channel></rss>"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aPlainBodyLabelledGzipIsReadAsItIs() throws Exception {
        assertThat(ContentDecoder.decode(FEED, "gzip", 1_000_000)).isEqualTo(FEED);
    }

    @Test
    void gzipAndBothKindsOfDeflateAreUndone() throws Exception {
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(FEED);
        }
        assertThat(ContentDecoder.decode(gzip.toByteArray(), "gzip", 1_000_000)).isEqualTo(FEED);
        for (boolean raw : new boolean[] {false, true}) {
            ByteArrayOutputStream deflate = new ByteArrayOutputStream();
            try (DeflaterOutputStream out = new DeflaterOutputStream(deflate, new Deflater(6, raw))) {
                out.write(FEED);
            }
            assertThat(ContentDecoder.decode(deflate.toByteArray(), "deflate", 1_000_000)).as("raw " + raw)
                    .isEqualTo(FEED);
        }
    }

    @Test
    void aBrokenGzipBodyIsABadEncoding() {
        byte[] broken = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3};
        assertThatThrownBy(() -> ContentDecoder.decode(broken, "gzip", 1_000_000))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BAD_ENCODING));
    }
}
