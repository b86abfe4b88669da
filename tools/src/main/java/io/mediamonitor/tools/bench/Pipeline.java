package io.mediamonitor.tools.bench;

import io.mediamonitor.schema.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * What watches the jobs under test: readers of the enriched, totals, mentions and alerts topics, and the drain
 * checks of both applications.
 */
final class Pipeline implements AutoCloseable {

    private final EnrichedArrivals enriched = new EnrichedArrivals();
    private final SentArticles sent = new SentArticles();
    private final MentionTotals totals;
    private final CountArrivals counts = new CountArrivals(sent);
    private final AlertArrivals alerts;
    private final List<TopicArrivals> followers;
    private final Drain enrichDrain;
    private final Drain alertsDrain;

    Pipeline(PipelineJobs jobs, Topics topics, Map<String, Object> clientConfig, Admin admin) {
        this.totals = new MentionTotals(topics);
        this.alerts = new AlertArrivals(topics, sent);
        this.followers = List.of(
                new TopicArrivals(clientConfig, topics.articlesEnriched().name(), enriched),
                new TopicArrivals(clientConfig, topics.mentionTotals().name(), totals),
                new TopicArrivals(clientConfig, topics.mentions().name(), counts),
                new TopicArrivals(clientConfig, topics.alerts().name(), alerts));
        this.enrichDrain = new Drain(new ApplicationLag(admin, jobs.enrichApplicationId(),
                List.of(topics.articlesRaw().name())));
        this.alertsDrain = new Drain(new ApplicationLag(admin, jobs.alertsApplicationId(),
                List.of(topics.articlesEnriched().name(), topics.mentions().name(), topics.mentionArticles().name())));
    }

    EnrichedArrivals enriched() {
        return enriched;
    }

    /** Where the latency phase notes each article's send time, for the counts and alerts it causes. */
    SentArticles sent() {
        return sent;
    }

    CountArrivals counts() {
        return counts;
    }

    MentionTotals totals() {
        return totals;
    }

    AlertArrivals alerts() {
        return alerts;
    }

    Drain enrichDrain() {
        return enrichDrain;
    }

    Drain alertsDrain() {
        return alertsDrain;
    }

    /** Fails fast when a reader died, instead of waiting for the deadline. */
    void check() {
        followers.forEach(TopicArrivals::check);
    }

    @Override
    public void close() throws Exception {
        for (TopicArrivals follower : followers) {
            follower.close();
        }
    }
}
