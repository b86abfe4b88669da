package io.mediamonitor.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.model.Feed;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FeedRegistryTest {

    private static Feed feed(String url, String... tags) {
        return Feed.newBuilder().setUrl(url).setName(url).setTags(List.of(tags)).build();
    }

    private static Map<String, Feed> registered(Feed... feeds) {
        Map<String, Feed> byUrl = new TreeMap<>();
        for (Feed feed : feeds) {
            byUrl.put(feed.getUrl(), feed);
        }
        return byUrl;
    }

    @Test
    void theDemoFeedsOfAnEarlierRunAreStaleUnlessThisRunServesThem() {
        Feed oldDemo = feed("http://127.0.0.1:8079/feeds/journal-du-sahel.xml", "demo");
        Feed otherPort = feed("http://127.0.0.1:40123/feeds/journal-du-sahel.xml", "demo");
        Feed rfi = feed("https://www.rfi.fr/fr/afrique/rss", "sahel");
        Map<String, Feed> registered = registered(oldDemo, otherPort, rfi);

        // a run with feeds of its own serves no demo
        assertThat(FeedRegistry.staleDemoFeeds(registered, List.of(rfi)))
                .containsExactly(otherPort.getUrl(), oldDemo.getUrl());
        // a demo run on another port serves its own demo feeds only
        assertThat(FeedRegistry.staleDemoFeeds(registered, List.of(otherPort))).containsExactly(oldDemo.getUrl());
        // feeds tagged otherwise are never the run's to withdraw, nor an operator's own feed tagged demo
        Feed operators = feed("https://demo.newsroom.example/rss", "demo");
        assertThat(FeedRegistry.staleDemoFeeds(registered(oldDemo, rfi, operators), List.of()))
                .containsExactly(oldDemo.getUrl());
    }

    @Test
    void registeredFeedsTheConfigurationDoesNotListAreUnconfigured() {
        Feed rfi = feed("https://www.rfi.fr/fr/afrique/rss");
        Feed dropped = feed("https://old.example/rss");
        assertThat(FeedRegistry.unconfigured(registered(rfi, dropped), List.of(rfi))).containsExactly(dropped);
    }
}
