package io.mediamonitor.app.dashboard;

/** Everything the dashboard reads from. */
public record DashboardSources(AlertFeed alerts, FeedHealth feeds, MentionHistory mentions, TopicStats topics,
                               TermLabels labels, RecentArticles articles) {
}
