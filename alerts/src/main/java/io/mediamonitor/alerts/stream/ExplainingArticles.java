package io.mediamonitor.alerts.stream;

import io.mediamonitor.model.AlertArticle;
import io.mediamonitor.model.state.TermArticles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks the articles that explain an alert: those of the alert's window, one per source first
 * (breadth of coverage is the point), newest first, then more from the same sources.
 */
public final class ExplainingArticles {

    private ExplainingArticles() {
    }

    public static List<AlertArticle> pick(TermArticles known, Instant windowStart, Instant windowEnd, int limit) {
        if (known == null) {
            return List.of();
        }
        List<AlertArticle> inWindow = new ArrayList<>(known.getArticles().stream()
                .filter(a -> !a.getPublishedAt().isBefore(windowStart) && a.getPublishedAt().isBefore(windowEnd))
                .toList());
        inWindow.sort(Comparator.comparing(AlertArticle::getPublishedAt).reversed());
        List<AlertArticle> picked = new ArrayList<>();
        Set<String> sources = new HashSet<>();
        for (AlertArticle article : inWindow) {
            if (picked.size() < limit && sources.add(article.getSource())) {
                picked.add(article);
            }
        }
        for (AlertArticle article : inWindow) {
            if (picked.size() < limit && !picked.contains(article)) {
                picked.add(article);
            }
        }
        return picked;
    }
}
