package io.mediamonitor.tools.bench;

import io.mediamonitor.alerts.stream.AlertSettings;
import io.mediamonitor.enrich.EnrichSettings;

/** The settings the jobs under test run with: the shipped defaults, or what the configuration says. */
public record PipelineSettings(EnrichSettings enrich, AlertSettings alerts) {

    public static PipelineSettings defaults() {
        return new PipelineSettings(EnrichSettings.defaults(), AlertSettings.defaults());
    }

    /** How many windows of the whole volume each counted article lands in (size / advance). */
    int windowsPerArticle() {
        return (int) (enrich.windowSize().toMillis() / enrich.windowAdvance().toMillis());
    }
}
