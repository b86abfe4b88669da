package io.mediamonitor.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.model.Article;
import io.mediamonitor.model.MentionCount;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.FeedStatus;
import io.mediamonitor.model.state.MentionEvent;
import io.mediamonitor.model.state.StoryState;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final AvroSerde<Article> serde = AvroSerde.of(Article.class);

    @Test
    void roundTripsTheCurrentVersion() {
        Article article = article();
        byte[] bytes = serde.serializer().serialize("t", article);

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(article);
    }

    @Test
    void carriesTheSingleObjectMarkerAndTheWriterFingerprint() {
        byte[] bytes = serde.encode(article());
        long fingerprint = SchemaNormalization.parsingFingerprint64(Article.getClassSchema());

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong())
                .isEqualTo(fingerprint);
    }

    @Test
    void readsARecordWrittenWithTheOlderSchemaVersion() throws Exception {
        Schema v1 = SchemaHistory.load("schema-history/Article-v1.avsc");
        assertThat(v1.getField("authors")).as("v1 predates authors").isNull();
        GenericRecord old = new GenericData.Record(v1);
        old.put("id", "a1");
        old.put("url", "https://example.org/a");
        old.put("title", "Titre");
        old.put("summary", null);
        old.put("source", "RFI");
        old.put("feedUrl", "https://example.org/rss");
        old.put("language", "fr");
        old.put("publishedAt", 1_732_000_000_000L);
        old.put("fetchedAt", 1_732_000_100_000L);
        ByteBuffer written = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);

        Article read = serde.decode(bytes);

        assertThat(read.getId()).isEqualTo("a1");
        assertThat(read.getSource()).isEqualTo("RFI");
        assertThat(read.getPublishedAt()).isEqualTo(Instant.ofEpochMilli(1_732_000_000_000L));
        assertThat(read.getAuthors()).as("default of the newer field").isEmpty();
        assertThat(read.getSourceDomain()).isEmpty();
        assertThat(read.getContent()).isNull();
    }

    @Test
    void everyHistoricalMentionCountMentionEventStoryStateAndFeedStatusVersionStillDecodes() {
        for (Map.Entry<Class<?>, Integer> history : Map.<Class<?>, Integer>of(MentionCount.class, 3,
                MentionEvent.class, 6, StoryState.class, 3, FeedStatus.class, 1).entrySet()) {
            Class<?> type = history.getKey();
            String name = type.getName();
            List<Schema> versions = SchemaHistory.versionsOf(name);
            assertThat(versions).as(name).hasSize(history.getValue());
            for (Schema old : versions) {
                GenericRecord record = new GenericData.Record(old);
                for (Schema.Field f : old.getFields()) {
                    record.put(f.name(), f.hasDefaultValue() ? GenericData.get().getDefaultValue(f) : sample(f.schema()));
                }
                Object read = AvroSerde.of(type.asSubclass(org.apache.avro.specific.SpecificRecord.class))
                        .decode(encode(old, record));
                assertThat(read).as(name + " " + old.getFields().size() + " fields").isInstanceOf(type);
            }
        }
    }

    private static Object sample(Schema schema) {
        return switch (schema.getType()) {
            case STRING -> "x";
            case INT -> 1;
            case LONG -> 1_732_000_000_000L;
            default -> throw new IllegalArgumentException("no sample for " + schema);
        };
    }

    @Test
    void readsMentionCountsWrittenBeforeTheOutletFieldExisted() {
        Schema countV2 = SchemaHistory.load("schema-history/MentionCount-v2.avsc");
        assertThat(countV2.getField("topSourceStories")).isNull();
        GenericRecord count = new GenericData.Record(countV2);
        count.put("term", "country:ML");
        count.put("windowStart", 1_732_000_000_000L);
        count.put("windowEnd", 1_732_003_600_000L);
        count.put("articles", 5);
        count.put("stories", 4);
        count.put("sources", 3);
        count.put("sourceNames", List.of("AFP", "RFI", "Le Monde"));
        count.put("lastArticleId", null);
        count.put("lastEventAt", null);
        count.put("countingSince", null);

        MentionCount read = AvroSerde.of(MentionCount.class).decode(encode(countV2, count));

        assertThat(read.getStories()).isEqualTo(4);
        assertThat(read.getTopSourceStories()).as("unknown: the default").isZero();

    }

    @Test
    void readsEnrichedArticlesWrittenBeforeTheStoryStartExisted() {
        Schema v1 = SchemaHistory.load("schema-history/EnrichedArticle-v1.avsc");
        assertThat(v1.getField("storyStartedAt")).isNull();
        GenericRecord record = new GenericData.Record(v1);
        record.put("article", asGeneric(article(), v1.getField("article").schema()));
        record.put("storyId", "a1");
        record.put("firstOfStory", true);
        record.put("storySources", List.of("RFI"));
        record.put("countries", List.of());
        record.put("actors", List.of());
        record.put("keywords", List.of());
        record.put("dictionaryVersion", "v1");
        record.put("enrichedAt", 1_732_000_000_000L);

        EnrichedArticle read = AvroSerde.of(EnrichedArticle.class).decode(encode(v1, record));

        assertThat(read.getStoryId()).isEqualTo("a1");
        assertThat(read.getArticle().getSource()).isEqualTo("RFI");
        assertThat(read.getStoryStartedAt()).as("unknown: the default").isNull();
    }

    /** The record as a reader without the generated classes sees it. */
    private static GenericRecord asGeneric(Article article, Schema schema) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            var encoder = org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
            new org.apache.avro.specific.SpecificDatumWriter<Article>(Article.getClassSchema()).write(article, encoder);
            encoder.flush();
            return new org.apache.avro.generic.GenericDatumReader<GenericRecord>(Article.getClassSchema(), schema)
                    .read(null, org.apache.avro.io.DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] encode(Schema writer, GenericRecord record) {
        try {
            ByteBuffer written = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer).encode(record);
            byte[] bytes = new byte[written.remaining()];
            written.get(bytes);
            return bytes;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void namesTheTypeAndCauseWhenBytesCannotBeRead() {
        byte[] garbage = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9};

        assertThatThrownBy(() -> serde.decode(garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Article")
                .hasMessageContaining("MissingSchemaException");
        assertThatThrownBy(() -> serde.decode("not avro".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("BadHeaderException");
    }

    @Test
    void writesTheSameBytesAsAvrosOwnMessageEncoder() throws Exception {
        MentionCount count = MentionCount.newBuilder()
                .setTerm("country:ML").setWindowStart(Instant.parse("2024-11-20T10:00:00Z"))
                .setWindowEnd(Instant.parse("2024-11-20T11:00:00Z")).setArticles(5).setStories(4).setSources(3)
                .setSourceNames(List.of("AFP", "RFI", "Le Monde")).setTopSourceStories(2).build();
        StringBuilder longText = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            longText.append("Le ministre a reçu la délégation à Bamako. ");
        }
        Article longArticle = Article.newBuilder(article()).setContent(longText.toString()).build();

        assertThat(serde.encode(article())).isEqualTo(avrosEncoding(Article.class, article()));
        assertThat(serde.encode(longArticle)).as("longer than the encoder's buffer")
                .isEqualTo(avrosEncoding(Article.class, longArticle));
        assertThat(AvroSerde.of(MentionCount.class).encode(count)).isEqualTo(avrosEncoding(MentionCount.class, count));
    }

    @Test
    void aRecordThatCannotBeEncodedLeavesTheNextOneWhole() throws Exception {
        Article broken = article();
        broken.setTitle(null); // a required field: the writer stops halfway through the record

        assertThatThrownBy(() -> serde.encode(broken))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Article");
        assertThat(serde.encode(article())).isEqualTo(avrosEncoding(Article.class, article()));
        assertThat(serde.decode(serde.encode(article()))).isEqualTo(article());
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> byte[] avrosEncoding(Class<T> type, T value)
            throws java.io.IOException {
        ByteBuffer written = new BinaryMessageEncoder<T>(org.apache.avro.specific.SpecificData.getForClass(type),
                org.apache.avro.specific.SpecificData.get().getSchema(type)).encode(value);
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }

    @Test
    void aTruncatedValueIsAnErrorNamingTheTypeAndTheNextValueStillReads() {
        byte[] whole = serde.encode(article());
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 5);

        assertThatThrownBy(() -> serde.decode(truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Article");
        assertThat(serde.decode(whole)).isEqualTo(article());
    }

    @Test
    void keepsTombstonesNull() {
        assertThat(serde.encode(null)).isNull();
        assertThat(serde.decode(null)).isNull();
    }

    static Article article() {
        return Article.newBuilder()
                .setId("0123abcd")
                .setUrl("https://www.rfi.fr/fr/afrique/aes")
                .setTitle("L'AES et l'Africa Corps")
                .setSummary("Résumé")
                .setSource("RFI")
                .setFeedUrl("https://www.rfi.fr/fr/afrique/rss")
                .setLanguage("fr")
                .setPublishedAt(Instant.parse("2024-11-20T10:00:00Z"))
                .setFetchedAt(Instant.parse("2024-11-20T10:05:00Z"))
                .setSourceDomain("rfi.fr")
                .setAuthors(List.of("Rédaction"))
                .build();
    }
}
