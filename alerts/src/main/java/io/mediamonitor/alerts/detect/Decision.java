package io.mediamonitor.alerts.detect;

import java.util.List;
import java.util.Optional;

/**
 * Result of one detector step: the term's next state (to put back in the store) and the alert changes to
 * emit, in order (usually none, at most two: a resolution and a new opening).
 */
public record Decision(TermState state, List<AlertChange> changes) {

    public Decision {
        changes = List.copyOf(changes);
    }

    /** The last change, if any: the alert as it now stands. */
    public Optional<AlertChange> change() {
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(changes.size() - 1));
    }
}
