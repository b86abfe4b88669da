package io.mediamonitor.enrich;

import io.mediamonitor.model.Article;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.state.StoryState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Joins copies of one story: articles with the same normalized title and text within the horizon
 * get the id of the first as their story id, and the story accumulates its sources. Input is keyed
 * by {@link StoryFingerprint}; output is keyed by article id again, not yet tagged.
 */
final class StoryDeduplicator implements Processor<String, Article, String, EnrichedArticle> {

    static final String STORE = "stories";

    private final Duration horizon;
    private ProcessorContext<String, EnrichedArticle> context;
    private KeyValueStore<String, StoryState> stories;

    StoryDeduplicator(Duration horizon) {
        this.horizon = horizon;
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.stories = context.getStateStore(STORE);
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::forgetOlderThanHorizon);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        StoryState story = stories.get(record.key());
        boolean opensStory = story == null
                || story.getFirstSeenAt().plus(horizon).isBefore(Instant.ofEpochMilli(record.timestamp()));
        if (opensStory) {
            story = new StoryState(article.getId(), Instant.ofEpochMilli(record.timestamp()),
                    new ArrayList<>(List.of(article.getSource())));
        } else if (!story.getSources().contains(article.getSource())) {
            List<String> sources = new ArrayList<>(story.getSources());
            sources.add(article.getSource());
            story.setSources(sources);
        }
        stories.put(record.key(), story);
        EnrichedArticle untagged = EnrichedArticle.newBuilder()
                .setArticle(article)
                .setStoryId(story.getStoryId())
                .setFirstOfStory(opensStory)
                .setStoryStartedAt(story.getFirstSeenAt())
                .setStorySources(List.copyOf(story.getSources()))
                .setCountries(List.of())
                .setActors(List.of())
                .setKeywords(List.of())
                .setDictionaryVersion("")
                .setEnrichedAt(Instant.EPOCH)
                .build();
        context.forward(record.withKey(article.getId()).withValue(untagged));
    }

    private void forgetOlderThanHorizon(long streamTime) {
        Expiry.forgetBefore(stories, streamTime - horizon.toMillis(), story -> story.getFirstSeenAt().toEpochMilli());
    }
}
