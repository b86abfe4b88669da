package io.mediamonitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class BoundedSerdeTest {

    private final Serde<String> serde = BoundedSerde.of(Serdes.String(), 10, "enrich.max.article.bytes");

    @Test
    void passesValuesWithinTheLimitBothWays() {
        byte[] bytes = serde.serializer().serialize("t", "0123456789");

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo("0123456789");
    }

    @Test
    void refusesAValueOverTheLimitNamingTheSettingAndTheSizes() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("media.articles.raw", new byte[11]))
                .isInstanceOf(RefusedRecordException.class)
                .hasMessage("a value of 11 bytes read from media.articles.raw is over enrich.max.article.bytes = 10 bytes");
        assertThatThrownBy(() -> serde.serializer().serialize("media.articles.enriched", "01234567890"))
                .isInstanceOf(RefusedRecordException.class)
                .hasMessageContaining("written to media.articles.enriched");
    }

    @Test
    void refusesANullValueWhereEveryRecordNeedsOne() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("media.articles.raw", null))
                .isInstanceOf(RefusedRecordException.class)
                .hasMessageContaining("media.articles.raw has no value (null)");
    }

    @Test
    void refusesOnReadingAValueItsCheckFindsFaultWith() {
        Serde<String> checked = BoundedSerde.of(Serdes.String(), 10, "limit")
                .refusing(value -> value.startsWith("19") ? "dated " + value + ", before 1970" : null);

        assertThat(checked.deserializer().deserialize("t", "2024".getBytes())).isEqualTo("2024");
        assertThatThrownBy(() -> checked.deserializer().deserialize("media.articles.raw", "1900".getBytes()))
                .isInstanceOf(RefusedRecordException.class)
                .hasMessage("a value read from media.articles.raw is refused: dated 1900, before 1970");
        // writing is left to the size limit alone
        assertThat(checked.serializer().serialize("t", "1900")).isEqualTo("1900".getBytes());
    }
}
