package io.mediamonitor.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediamonitor.model.Alert;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackNotifierTest {

    @Test
    void payloadHasFallbackTextAndBlocks() {
        JsonNode payload = SlackNotifier.payload(TestAlerts.aesSpike());

        assertThat(payload.get("text").asText())
                .isEqualTo("[media-monitor] HIGH actor:aes — 6 stories from 5 sources (expected 0.4)");
        List<String> types = new ArrayList<>();
        payload.get("blocks").forEach(block -> types.add(block.get("type").asText()));
        assertThat(types).containsExactly("header", "section", "section", "section", "context");

        JsonNode blocks = payload.get("blocks");
        assertThat(blocks.get(0).get("text").get("type").asText()).isEqualTo("plain_text");
        String facts = blocks.get(1).get("text").get("text").asText();
        assertThat(blocks.get(1).get("text").get("type").asText()).isEqualTo("mrkdwn");
        assertThat(facts).contains("*HIGH*").contains("`actor:aes`").contains("*6* stories from *5* sources")
                .contains("vs *0.4* expected");
        assertThat(blocks.get(2).get("text").get("text").asText())
                .isEqualTo("6 stories about the AES from 5 sources in one hour, against 0.4 expected.");
        assertThat(blocks.get(3).get("text").get("text").asText()).isEqualTo(
                "• <https://example.org/a1|Les chefs d'État de l'AES réunis à Niamey> — RFI\n"
                        + "• <https://example.org/a2?x=1&y=2|Sahel alliance announces joint force> — Reuters");
        assertThat(blocks.get(4).get("elements").get(0).get("text").asText())
                .contains("alert 3f1c9a7e0b2d4c6e8f1a2b3c4d5e6f70 rev 0");
    }

    @Test
    void mrkdwnControlCharactersAreEscaped() {
        assertThat(SlackNotifier.escape("Mali & Niger <breaking>")).isEqualTo("Mali &amp; Niger &lt;breaking&gt;");
        assertThat(SlackNotifier.link("https://example.org/a|b", "A | B > C"))
                .isEqualTo("<https://example.org/a%7Cb|A ¦ B &gt; C>");
    }

    @Test
    void longPayloadsStayWithinSlackLimits() {
        List<io.mediamonitor.model.AlertArticle> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(TestAlerts.article("x".repeat(200), "https://example.org/" + i, "S" + i, "2026-03-01T13:00:00Z"));
        }
        Alert big = Alert.newBuilder(TestAlerts.aesSpike()).setTopArticles(many).setTerm("t".repeat(300)).build();
        JsonNode payload = SlackNotifier.payload(big);
        assertThat(payload.get("blocks").get(0).get("text").get("text").asText().length()).isLessThanOrEqualTo(150);
        payload.get("blocks").forEach(block -> {
            if (block.has("text")) {
                assertThat(block.get("text").get("text").asText().length()).isLessThanOrEqualTo(3000);
            }
        });
    }

    @Test
    void anArticleWithALinkLongerThanASectionIsListedByItsTitleAndTheOthersStay() {
        // ingest keeps links up to 8,192 chars: before, the first such one ended the list, the section went out
        // empty, and Slack refused the whole message (HTTP 400 invalid_blocks)
        String longUrl = "https://news.example.org/read?u=" + "a".repeat(3_100);
        Alert alert = Alert.newBuilder(TestAlerts.aesSpike()).setTopArticles(List.of(
                TestAlerts.article("Long link", longUrl, "Wire", "2026-03-01T13:30:00Z"),
                TestAlerts.article("Short one", "https://example.org/s", "RFI", "2026-03-01T13:20:00Z"))).build();

        JsonNode blocks = SlackNotifier.payload(alert).get("blocks");

        assertThat(blocks.get(3).get("text").get("text").asText())
                .isEqualTo("• Long link — Wire\n• <https://example.org/s|Short one> — RFI");
        Alert none = Alert.newBuilder(TestAlerts.aesSpike()).setTopArticles(List.of()).build();
        SlackNotifier.payload(none).get("blocks").forEach(block -> {
            if (block.get("type").asText().equals("section")) {
                assertThat(block.get("text").get("text").asText()).isNotEmpty();
            }
        });
    }

    @Test
    void postsThePayloadToTheIncomingWebhook() throws Exception {
        try (RecordingReceiver receiver = new RecordingReceiver(r -> 200)) {
            new SlackNotifier(receiver.uri("/services/T000/B000/XXXX")).deliver(TestAlerts.aesSpike());
            assertThat(receiver.requests()).hasSize(1);
            assertThat(new ObjectMapper().readTree(receiver.requests().get(0).body()))
                    .isEqualTo(SlackNotifier.payload(TestAlerts.aesSpike()));
        }
    }
}
