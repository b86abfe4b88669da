package io.mediamonitor.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediamonitor.app.config.Durations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled demo: a few invented Sahel news outlets and their articles (resources under demo/, and a
 * generated week of ordinary news under them, {@link DemoHistory}), each article with its release time relative
 * to the demo's start, oldest first. Negative times are history, visible from the start; the November 2024
 * Russian delegation story is released in the first minute, so the all-in-one run shows a spike of aes and
 * africa-corps against baselines learned from the week before.
 */
public record DemoCatalogue(List<DemoFeed> feeds, List<DemoArticle> articles) {

    public record DemoFeed(String id, String name, String language, String title) {
    }

    /** @param at release and publication time relative to the demo start (negative: history) */
    public record DemoArticle(int index, String feed, Duration at, String title, String summary) {
    }

    public static DemoCatalogue bundled() {
        ObjectMapper json = new ObjectMapper();
        try (InputStream feedsIn = resource("demo/feeds.json"); InputStream articlesIn = resource("demo/articles.jsonl")) {
            List<DemoFeed> feeds = new ArrayList<>();
            for (JsonNode feed : json.readTree(feedsIn)) {
                feeds.add(new DemoFeed(feed.get("id").asText(), feed.get("name").asText(),
                        feed.get("language").asText(), feed.get("title").asText()));
            }
            List<DemoArticle> articles = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(articlesIn, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode article = json.readTree(line);
                articles.add(new DemoArticle(articles.size(), article.get("feed").asText(), at(article.get("at").asText()),
                        article.get("title").asText(), article.get("summary").asText()));
            }
            // a generated week under the written history; numbered after it, so the written ones keep their links
            articles.addAll(DemoHistory.of(feeds, articles.size()));
            articles.sort(java.util.Comparator.comparing(DemoArticle::at).thenComparing(DemoArticle::index));
            return new DemoCatalogue(List.copyOf(feeds), List.copyOf(articles));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled demo", e);
        }
    }

    private static Duration at(String text) {
        return text.startsWith("-") ? Durations.parse(text.substring(1)).negated() : Durations.parse(text);
    }

    private static InputStream resource(String name) {
        InputStream in = DemoCatalogue.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("demo resource missing from the jar: " + name);
        }
        return in;
    }
}
