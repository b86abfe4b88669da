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
