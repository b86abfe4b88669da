package io.mediamonitor.schema;

import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka Serde for generated Avro classes using Avro single-object encoding: every value starts
 * with the marker {@code C3 01} and the writer schema's 64-bit fingerprint, so a reader resolves
 * records written with any version listed in {@link SchemaHistory} without a schema registry.
 * A null value (a tombstone) stays null both ways.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    /** The single-object encoding's marker, before the writer schema's fingerprint. */
    private static final byte[] MARKER = {(byte) 0xC3, 0x01};

    private final Class<T> type;
    private final DatumWriter<T> writer;
    private final byte[] header;
    private final BinaryMessageDecoder<T> decoder;

    @SuppressWarnings("unchecked")
    private AvroSerde(Class<T> type, Schema schema) {
        SpecificData model = SpecificData.getForClass(type);
        SchemaStore.Cache history = new SchemaStore.Cache();
        SchemaHistory.versionsOf(schema.getFullName()).forEach(history::addSchema);
        this.type = type;
        this.writer = (DatumWriter<T>) model.createDatumWriter(schema);
        this.header = header(schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, history);
    }

    /** The marker, then the schema's CRC-64-AVRO fingerprint, little-endian, as Avro's message encoder writes. */
    private static byte[] header(Schema schema) {
        try {
            byte[] fingerprint = SchemaNormalization.parsingFingerprint("CRC-64-AVRO", schema);
            byte[] header = new byte[MARKER.length + fingerprint.length];
            System.arraycopy(MARKER, 0, header, 0, MARKER.length);
            System.arraycopy(fingerprint, 0, header, MARKER.length, fingerprint.length);
            return header;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Avro lacks its own fingerprint, CRC-64-AVRO", e);
        }
    }

    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        return new AvroSerde<>(type, SpecificData.get().getSchema(type));
    }

    public Class<T> type() {
        return type;
    }

    public byte[] encode(T value) {
        if (value == null) {
            return null;
        }
        try {
            // written as Avro's message encoder writes them, through a buffered encoder (BinaryEncoding)
            return BinaryEncoding.encode(out -> {
                out.writeFixed(header);
                writer.write(value, out);
            });
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Decodes one value. Unknown fingerprints (MissingSchemaException), bad headers and truncated
     * bodies all become a SerializationException whose message names the type and the cause, which
     * is what the dead-letter topic records.
     */
    public T decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " ("
                    + bytes.length + " bytes): " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> decode(bytes);
    }
}
