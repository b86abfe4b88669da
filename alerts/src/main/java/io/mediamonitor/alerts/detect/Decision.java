package io.mediamonitor.alerts.detect;

import java.util.List;
import java.util.Optional;

/**
 * Result of one detector step: the term's next state (to put back in the store), the alert changes to
 * emit, in order (usually none, at most two: a resolution and a new opening), and what the baseline learned
 * from the windows this step closed or corrected (to keep while late articles may still change them).
 */
public record Decision(TermState state, List<AlertChange> changes, List<LearnedWindow> learned) {

    public Decision {
        changes = List.copyOf(changes);
        learned = List.copyOf(learned);
    }

    public Decision(TermState state, List<AlertChange> changes) {
        this(state, changes, List.of());
    }

    /** The last change, if any: the alert as it now stands. */
    public Optional<AlertChange> change() {
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(changes.size() - 1));
    }
}
