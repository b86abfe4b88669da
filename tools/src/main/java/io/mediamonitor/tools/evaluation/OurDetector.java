package io.mediamonitor.tools.evaluation;

import io.mediamonitor.alerts.detect.AlertChange;
import io.mediamonitor.alerts.detect.Decision;
import io.mediamonitor.alerts.detect.DetectorConfig;
import io.mediamonitor.alerts.detect.SpikeDetector;
import io.mediamonitor.alerts.detect.TermState;
import io.mediamonitor.alerts.detect.TermStateCodec;
import io.mediamonitor.alerts.detect.WindowObservation;
import io.mediamonitor.model.AlertStatus;

import io.mediamonitor.alerts.detect.LearnedWindow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link SpikeDetector} as the topology will run it: state through the byte codec at every step. */
public final class OurDetector implements Candidate {

    private final SpikeDetector detector;
    private final String name;

    public OurDetector(String name, DetectorConfig config) {
        this.name = name;
        this.detector = new SpikeDetector(config);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TermRun start(TermScenario term, long watchedSince) {
        return new TermRun() {
            private byte[] stored = TermStateCodec.encode(detector.initialState(watchedSince));
            private final Set<String> seen = new HashSet<>();
            /** What the baseline learned from each closed window, as the alert topology keeps it. */
            private final Map<Long, LearnedWindow> learned = new HashMap<>();

            @Override
            public List<Opened> observe(WindowObservation o) {
                TermState state = TermStateCodec.decode(stored);
                return apply(detector.evaluate(state, o, learned.get(o.windowStart())));
            }

            @Override
            public List<Opened> tick(long t) {
                // windows late articles can no longer change are forgotten, as the topology's store does
                learned.keySet().removeIf(start -> start < t - TermFeed.LATENESS.toMillis() - 2 * World.HOUR);
                TermState s = TermStateCodec.decode(stored);
                return apply(detector.tick("", s, t));
            }

            private List<Opened> apply(Decision d) {
                stored = TermStateCodec.encode(d.state());
                d.learned().forEach(window -> learned.put(window.windowStart(), window));
                List<Opened> out = List.of();
                for (AlertChange c : d.changes()) {
                    if (c.status() == AlertStatus.OPEN && seen.add(c.alertId())) {
                        if (out.isEmpty()) {
                            out = new ArrayList<>(1);
                        }
                        out.add(new Opened(c.alertId(), c.triggeredAt()));
                    }
                }
                return out;
            }
        };
    }
}
