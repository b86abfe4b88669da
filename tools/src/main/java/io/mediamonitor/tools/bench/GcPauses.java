package io.mediamonitor.tools.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The JVM's collector and the pauses it made since the last reset, as its notifications report them: which
 * collector ran matters to every CPU and latency figure (on 2 cores G1's barriers and concurrent work cost the jobs
 * a seventh of their CPU, {@code tools/BENCHMARKS.md}), and the longest pause bounds what it adds to latency.
 * Concurrent cycles (G1's on newer JDKs, ZGC's, Shenandoah's) are left out: they do not stop the jobs.
 */
final class GcPauses implements AutoCloseable {

    /** The pauses counted: how many, their total and the longest, in milliseconds. */
    record Summary(String collector, long pauses, long totalMs, long longestMs) {
    }

    private final AtomicLong pauses = new AtomicLong();
    private final AtomicLong totalMs = new AtomicLong();
    private final AtomicLong longestMs = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (notification, handback) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (concurrent(info.getGcName()) || info.getGcAction().toLowerCase(Locale.ROOT).contains("concurrent")) {
            return;
        }
        long ms = info.getGcInfo().getDuration();
        pauses.incrementAndGet();
        totalMs.addAndGet(ms);
        longestMs.accumulateAndGet(ms, Math::max);
    };

    GcPauses() {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    void reset() {
        pauses.set(0);
        totalMs.set(0);
        longestMs.set(0);
    }

    Summary summary() {
        return new Summary(collector(), pauses.get(), totalMs.get(), longestMs.get());
    }

    /** The collector by the name people pass to {@code -XX:+Use...GC}, from its beans' names. */
    static String collector() {
        List<String> names = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.toList());
        return collector(names);
    }

    static String collector(List<String> beanNames) {
        String joined = String.join(", ", beanNames);
        if (joined.contains("G1")) {
            return "G1";
        }
        if (joined.contains("PS Scavenge") || joined.contains("PS MarkSweep")) {
            return "Parallel";
        }
        if (beanNames.contains("Copy") || beanNames.contains("MarkSweepCompact")) {
            return "Serial";
        }
        if (joined.contains("ZGC")) {
            return "ZGC";
        }
        if (joined.contains("Shenandoah")) {
            return "Shenandoah";
        }
        return joined.isEmpty() ? "unknown" : joined;
    }

    private static boolean concurrent(String beanName) {
        return beanName.contains("Concurrent") || beanName.equals("ZGC Cycles") || beanName.equals("ZGC Major Cycles")
                || beanName.equals("ZGC Minor Cycles") || beanName.equals("Shenandoah Cycles");
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone: nothing to undo
            }
        }
    }
}
