package io.mediamonitor.app.jobs;

import io.mediamonitor.app.dashboard.MonitorMetrics;
import io.mediamonitor.ingest.FeedFailure;
import io.mediamonitor.ingest.FeedReport;
import io.mediamonitor.ingest.IngestListener;

/** Counts what ingest does into the process's metrics. */
public final class IngestMetrics implements IngestListener {

    private final MonitorMetrics metrics;

    public IngestMetrics(MonitorMetrics metrics) {
        this.metrics = metrics;
        // at 0 from the start: a series first seen at 1 is a step Prometheus' increase() misses, and one missing
        // after a restart with every feed failing leaves "no article published" with nothing to judge
        metrics.articlesFetched();
        metrics.articlesPublished();
        for (FeedFailure failure : FeedFailure.values()) {
            metrics.feedErrors(failure.label());
        }
    }

    @Override
    public void feedPolled(FeedReport report) {
        if (report.ok()) {
            metrics.articlesFetched().increment(report.itemsSeen());
            metrics.articlesPublished().increment(report.newArticles());
        } else {
            metrics.feedErrors(reasonOf(report)).increment();
        }
    }

    /** A small set of reasons, so the label does not explode: the kind of the failure ({@link FeedFailure}). */
    static String reasonOf(FeedReport report) {
        return (report.failure() == null ? FeedFailure.OTHER : report.failure()).label();
    }
}
