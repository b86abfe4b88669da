package io.mediamonitor.app.dashboard;

import io.mediamonitor.model.Alert;
import java.util.List;
import java.util.function.Consumer;

/** What the dashboard reads about alerts: the latest revision of each, and every new revision as it comes. */
public interface AlertFeed {

    /** Latest revision of each known alert, newest first. */
    List<Alert> latest();

    /**
     * Calls {@code listener} with each new revision from now on, from the feed's own thread: the
     * listener must not block. Closing the returned handle stops the calls.
     */
    AutoCloseable subscribe(Consumer<Alert> listener);
}
