package io.mediamonitor.app.jobs;

import io.mediamonitor.app.dashboard.MonitorMetrics;
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

    /** A small set of reasons, so the label does not explode: the HTTP status class or the kind of error. */
    static String reasonOf(FeedReport report) {
        if (report.httpStatus() != null && report.httpStatus() >= 400) {
            return "http_" + report.httpStatus() / 100 + "xx";
        }
        String error = report.error() == null ? "" : report.error().toLowerCase();
        if (error.contains("timeout") || error.contains("timed out")) {
            return "timeout";
        }
        if (error.contains("xml") || error.contains("parse")) {
            return "parse";
        }
        return "other";
    }
}
