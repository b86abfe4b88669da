package io.mediamonitor.app.dashboard;

/** Everything the dashboard reads from, and the acknowledgements it also writes. */
public record DashboardSources(AlertFeed alerts, AlertAcknowledgements acknowledgements, FeedHealth feeds,
                               MentionHistory mentions, TopicStats topics, TermLabels labels,
                               RecentArticles articles) {
}
