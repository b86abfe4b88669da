package io.mediamonitor.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertArticle;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class AlertJsonTest {

    @Test
    void fieldNamesAreTheSchemasInItsOrder() {
        List<String> schemaFields = Alert.getClassSchema().getFields().stream().map(Schema.Field::name).toList();
        List<String> jsonFields = new ArrayList<>();
        AlertJson.toJson(TestAlerts.aesSpike()).fieldNames().forEachRemaining(jsonFields::add);
        assertThat(jsonFields).isEqualTo(schemaFields);

        List<String> articleFields = AlertArticle.getClassSchema().getFields().stream().map(Schema.Field::name).toList();
        List<String> jsonArticleFields = new ArrayList<>();
        AlertJson.toJson(TestAlerts.aesSpike()).get("topArticles").get(0).fieldNames()
                .forEachRemaining(jsonArticleFields::add);
        assertThat(jsonArticleFields).isEqualTo(articleFields);
    }

    @Test
    void valuesAreTheAlertsWithIsoUtcTimes() throws Exception {
        JsonNode json = new ObjectMapper().readTree(AlertJson.toJsonString(TestAlerts.aesSpike()));
        assertThat(json.get("id").asText()).isEqualTo("3f1c9a7e0b2d4c6e8f1a2b3c4d5e6f70");
        assertThat(json.get("revision").asInt()).isZero();
        assertThat(json.get("kind").asText()).isEqualTo("SPIKE");
        assertThat(json.get("status").asText()).isEqualTo("OPEN");
        assertThat(json.get("severity").asText()).isEqualTo("HIGH");
        assertThat(json.get("label").asText()).isEqualTo("Alliance des États du Sahel");
        assertThat(json.get("windowStart").asText()).isEqualTo("2026-03-01T13:00:00Z");
        assertThat(json.get("windowEnd").asText()).isEqualTo("2026-03-01T14:00:00Z");
        assertThat(json.get("triggeredAt").asText()).isEqualTo("2026-03-01T13:47:12Z");
        assertThat(json.get("observed").asInt()).isEqualTo(6);
        assertThat(json.get("expected").asDouble()).isEqualTo(0.4);
        assertThat(json.get("score").asDouble()).isEqualTo(5.23);
        assertThat(json.get("distinctSources").asInt()).isEqualTo(5);
        JsonNode second = json.get("topArticles").get(1);
        assertThat(second.get("url").asText()).isEqualTo("https://example.org/a2?x=1&y=2");
        assertThat(second.get("source").asText()).isEqualTo("Reuters");
        assertThat(second.get("publishedAt").asText()).isEqualTo("2026-03-01T13:20:00Z");
    }

    @Test
    void oneLineOfJsonPerAlert() {
        assertThat(AlertJson.toJsonString(TestAlerts.aesSpike())).doesNotContain("\n").startsWith("{\"id\":");
    }

    @Test
    void infiniteScoreBecomesNullSinceJsonHasNoInfinity() throws Exception {
        Alert extreme = Alert.newBuilder(TestAlerts.aesSpike()).setScore(Double.POSITIVE_INFINITY).build();
        JsonNode json = new ObjectMapper().readTree(AlertJson.toJsonString(extreme));
        assertThat(json.get("score").isNull()).isTrue();
    }
}
