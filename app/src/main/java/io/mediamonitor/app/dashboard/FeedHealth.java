package io.mediamonitor.app.dashboard;

import io.mediamonitor.model.FeedStatus;
import java.util.List;

/** The latest known status of every feed. */
public interface FeedHealth {

    /** Latest status per feed: failing feeds first, then by name. */
    List<FeedStatus> feeds();
}
