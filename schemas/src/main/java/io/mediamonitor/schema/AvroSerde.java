package io.mediamonitor.schema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.MissingSchemaException;
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

    /** Each thread's decoder, reset onto every value's bytes: reading an array directly, not byte by byte. */
    private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();

    private final Class<T> type;
    private final Schema schema;
    private final SpecificData model;
    private final DatumWriter<T> writer;
    private final byte[] header;
    private final SchemaStore.Cache history = new SchemaStore.Cache();
    /** A reader from each writer schema met, by its fingerprint, resolving it to the current one. */
    private final Map<Long, DatumReader<T>> readers = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    private AvroSerde(Class<T> type, Schema schema) {
        this.type = type;
        this.schema = schema;
        this.model = SpecificData.getForClass(type);
        history.addSchema(schema);
        SchemaHistory.versionsOf(schema.getFullName()).forEach(history::addSchema);
        this.writer = (DatumWriter<T>) model.createDatumWriter(schema);
        this.header = header(schema);
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

    @SuppressWarnings("unchecked")
    private DatumReader<T> readerFrom(long fingerprint) {
        Schema written = history.findByFingerprint(fingerprint);
        if (written == null) {
            throw new MissingSchemaException("no schema of " + schema.getFullName() + " in SchemaHistory has the "
                    + "fingerprint " + Long.toHexString(fingerprint));
        }
        return (DatumReader<T>) model.createDatumReader(written, schema);
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
            // what Avro's message decoder does, its header checks and exceptions too, with an array decoder
            if (bytes.length < header.length || bytes[0] != MARKER[0] || bytes[1] != MARKER[1]) {
                throw new BadHeaderException("not the single-object encoding's marker C3 01, or under "
                        + header.length + " bytes");
            }
            long fingerprint = ByteBuffer.wrap(bytes, MARKER.length, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN)
                    .getLong();
            DatumReader<T> reader = readers.computeIfAbsent(fingerprint, this::readerFrom);
            BinaryDecoder in = DecoderFactory.get().binaryDecoder(bytes, header.length, bytes.length - header.length,
                    DECODER.get());
            DECODER.set(in);
            return reader.read(null, in);
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
