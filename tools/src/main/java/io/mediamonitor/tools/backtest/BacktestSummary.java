package io.mediamonitor.tools.backtest;

import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertStatus;
import io.mediamonitor.model.EnrichedArticle;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/** What a backtest saw: articles, stories, and alerts per term (opened, and all changes). */
public final class BacktestSummary {

    private int articles;
    private int stories;
    private int skippedLines;
    private final Map<String, int[]> alertsPerTerm = new TreeMap<>();

    void countArticle(EnrichedArticle article) {
        articles++;
        if (article.getFirstOfStory()) {
            stories++;
        }
    }

    void countAlert(Alert alert) {
        int[] counts = alertsPerTerm.computeIfAbsent(alert.getTerm(), t -> new int[2]);
        if (alert.getStatus() == AlertStatus.OPEN) {
            counts[0]++;
        }
        counts[1]++;
    }

    public void countSkippedLine() {
        skippedLines++;
    }

    public int articles() {
        return articles;
    }

    public int stories() {
        return stories;
    }

    public int skippedLines() {
        return skippedLines;
    }

    /** Alerts opened per term. */
    public Map<String, Integer> openedPerTerm() {
        Map<String, Integer> opened = new TreeMap<>();
        alertsPerTerm.forEach((term, counts) -> opened.put(term, counts[0]));
        return opened;
    }

    public void print(PrintStream out) {
        out.printf("Backtest: %d articles, %d stories, %d lines skipped%n", articles, stories, skippedLines);
        if (alertsPerTerm.isEmpty()) {
            out.println("No alerts.");
            return;
        }
        out.printf("%-40s %7s %8s%n", "TERM", "OPENED", "CHANGES");
        alertsPerTerm.forEach((term, counts) -> out.printf("%-40s %7d %8d%n", term, counts[0], counts[1]));
    }
}
