package io.mediamonitor.tools.bench;

import io.mediamonitor.alerts.stream.AlertSettings;
import io.mediamonitor.enrich.EnrichSettings;
import io.mediamonitor.schema.Topics;

/**
 * The settings the jobs under test run with: the shipped defaults, or what the configuration says.
 *
 * @param partitions of the run's feed, article and mention topics ({@code topics.partitions})
 */
public record PipelineSettings(EnrichSettings enrich, AlertSettings alerts, int partitions) {

    public static PipelineSettings defaults() {
        return new PipelineSettings(EnrichSettings.defaults(), AlertSettings.defaults(), Topics.DEFAULT_PARTITIONS);
    }

    /** How many windows of the whole volume each counted article lands in (size / advance). */
    int windowsPerArticle() {
        return (int) (enrich.windowSize().toMillis() / enrich.windowAdvance().toMillis());
    }
}
