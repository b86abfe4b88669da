package io.mediamonitor.schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Avro binary encoding into a buffer each thread reuses, through Avro's buffered encoder: Avro's own message
 * encoder, and a direct encoder, write byte by byte, a call and a capacity check per byte; a buffered encoder copies
 * blocks, and the bytes are the same (encoding went from 13 to 10 % of the enrich thread's time, tools/BENCHMARKS.md).
 * A thread keeps a buffer as large as the largest value it encoded.
 */
public final class BinaryEncoding {

    /** What to write: the value's fields, in order. */
    @FunctionalInterface
    public interface Body {
        void write(BinaryEncoder out) throws IOException;
    }

    private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);

    private BinaryEncoding() {
    }

    /** The bytes {@code body} writes. Not reentrant: a body must not encode another value on the same thread. */
    public static byte[] encode(Body body) throws IOException {
        Output output = OUTPUT.get();
        output.bytes.reset();
        try {
            output.encoder = EncoderFactory.get().binaryEncoder(output.bytes, output.encoder);
            body.write(output.encoder);
            output.encoder.flush();
            return output.bytes.toByteArray();
        } catch (IOException | RuntimeException | Error e) {
            // a fresh encoder next time: this one may still hold part of the value, which reusing it would flush
            output.encoder = null;
            throw e;
        }
    }

    /** A thread's buffer and the encoder writing into it. */
    private static final class Output {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        BinaryEncoder encoder;
    }
}
