package io.mediamonitor.alerts.stream;

import io.mediamonitor.model.AlertArticle;
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

    /** @param inWindow the articles of the alert's window, any order */
    public static List<AlertArticle> pick(List<AlertArticle> inWindow, int limit) {
        inWindow = new ArrayList<>(inWindow);
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
