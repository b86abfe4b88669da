package io.mediamonitor.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class BinaryEncodingTest {

    private static final BinaryEncoding.Body FIELDS = out -> {
        out.writeInt(3);
        out.writeLong(1_732_000_000_000L);
        out.writeString("Alliance des États du Sahel ".repeat(200)); // longer than the encoder's buffer
        out.writeBoolean(true);
    };

    @Test
    void writesWhatADirectEncoderWrites() throws IOException {
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(direct, null);
        FIELDS.write(encoder);
        encoder.flush();

        assertThat(BinaryEncoding.encode(FIELDS)).isEqualTo(direct.toByteArray());
        assertThat(BinaryEncoding.encode(FIELDS)).as("the buffer reused").isEqualTo(direct.toByteArray());
    }

    @Test
    void aValueThatFailsHalfwayLeavesNothingInTheNext() throws IOException {
        assertThatThrownBy(() -> BinaryEncoding.encode(out -> {
            out.writeString("half of a value");
            throw new IOException("stopped");
        })).isInstanceOf(IOException.class).hasMessage("stopped");

        assertThat(BinaryEncoding.encode(out -> out.writeInt(7))).containsExactly(14); // zig-zag: 7 is 14
    }
}
