package io.mediamonitor.app.dashboard;

import io.mediamonitor.model.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest revision of each alert, in memory and bounded: when full, the alert whose last
 * update is oldest (event time) goes. Older or repeated revisions are ignored, so replaying the
 * topic from the beginning, or a producer retry, changes nothing.
 */
public final class AlertBoard implements AlertFeed {

    private static final Logger log = LoggerFactory.getLogger(AlertBoard.class);

    /** Newest first: last update's event time, then id so the order is total. */
    static final Comparator<Alert> NEWEST_FIRST = Comparator.comparing(Alert::getTriggeredAt).reversed()
            .thenComparing(Alert::getId);

    private final int capacity;
    private final Map<String, Alert> byId = new HashMap<>();
    private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();

    public AlertBoard(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Keeps {@code alert} if it is newer than what is known of its id; returns whether it was kept. */
    public boolean offer(Alert alert) {
        synchronized (byId) {
            Alert known = byId.get(alert.getId());
            if (known != null && known.getRevision() >= alert.getRevision()) {
                return false;
            }
            byId.put(alert.getId(), alert);
            if (byId.size() > capacity) {
                Alert oldest = byId.values().stream().max(NEWEST_FIRST).orElseThrow();
                byId.remove(oldest.getId());
                if (oldest == alert) {
                    return false;
                }
            }
        }
        for (Consumer<Alert> listener : listeners) {
            try {
                listener.accept(alert);
            } catch (RuntimeException e) {
                // one broken subscriber (e.g. a browser gone) must not stop the others
                log.debug("alert listener failed", e);
            }
        }
        return true;
    }

    @Override
    public List<Alert> latest() {
        List<Alert> alerts;
        synchronized (byId) {
            alerts = new ArrayList<>(byId.values());
        }
        alerts.sort(NEWEST_FIRST);
        return alerts;
    }

    @Override
    public AutoCloseable subscribe(Consumer<Alert> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public int size() {
        synchronized (byId) {
            return byId.size();
        }
    }
}
