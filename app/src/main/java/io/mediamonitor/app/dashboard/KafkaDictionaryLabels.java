package io.mediamonitor.app.dashboard;

import io.mediamonitor.kafka.TopicFollower;
import io.mediamonitor.model.DictionaryEntry;
import io.mediamonitor.model.DictionaryEntryKind;
import io.mediamonitor.schema.Terms;
import io.mediamonitor.schema.Topics;
import java.util.Map;

/**
 * The operators' dictionary topic (`watch`, `media.dictionary`), committed only, from the beginning: each actor an
 * operator added gets its name in {@link TermLabels}, as the built-in ones have theirs. A removed entry keeps its
 * name: its past counts still read as it.
 */
public final class KafkaDictionaryLabels implements AutoCloseable {

    private final TermLabels labels;
    private final TopicFollower<String, DictionaryEntry> follower;

    public KafkaDictionaryLabels(Topics topics, Map<String, Object> clientConfig, TermLabels labels) {
        this.labels = labels;
        this.follower = TopicFollower.of(topics.dictionary(), clientConfig).waitForTopics().build();
    }

    public KafkaDictionaryLabels start() {
        follower.follow("dashboard-dictionary", record -> {
            DictionaryEntry entry = record.value();
            if (entry != null && entry.getKind() == DictionaryEntryKind.ACTOR) {
                labels.learn(Terms.actor(entry.getId()), entry.getName());
            }
        });
        return this;
    }

    @Override
    public void close() {
        follower.close();
    }
}
