package io.mediamonitor.app.dashboard;

import io.mediamonitor.model.FeedStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Latest status per feed URL, as the compacted status topic holds it; a tombstone forgets the feed. */
public final class FeedBoard implements FeedHealth {

    static final Comparator<FeedStatus> FAILING_FIRST = Comparator
            .comparingInt(FeedStatus::getConsecutiveFailures).reversed()
            .thenComparing(FeedStatus::getFeedName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(FeedStatus::getFeedUrl);

    private final Map<String, FeedStatus> byUrl = new ConcurrentHashMap<>();

    /** @param status the new status, or null (a tombstone) when the feed was removed */
    public void update(String feedUrl, FeedStatus status) {
        if (status == null) {
            byUrl.remove(feedUrl);
        } else {
            byUrl.put(feedUrl, status);
        }
    }

    @Override
    public List<FeedStatus> feeds() {
        List<FeedStatus> feeds = new ArrayList<>(byUrl.values());
        feeds.sort(FAILING_FIRST);
        return feeds;
    }
}
