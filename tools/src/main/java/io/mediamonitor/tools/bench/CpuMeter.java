package io.mediamonitor.tools.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where this JVM's CPU time goes between two readings: the enrich job's threads, the alerts job's, the rest
 * (the embedded broker and the benchmark's clients), and what no Java thread accounts for: the JIT compilers and
 * RocksDB's flush and compaction threads where their time can be read ({@link ThreadsByName}), and the rest (garbage
 * collection, and those threads where it cannot). On two cores, CPU per article is what throughput is made of; the
 * compilers' part says whether a run was still warming up, RocksDB's what the stores' writes cost beyond the stream
 * threads.
 */
final class CpuMeter {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final String enrichPrefix;
    private final String alertsPrefix;
    private final ThreadsByName compilers = ThreadsByName.compilers();
    private final ThreadsByName rocksDb = ThreadsByName.rocksDb();
    private Map<Long, Long> threadStart;
    private long processStart;
    private long compilersStart;
    private long rocksDbStart;

    CpuMeter(String enrichApplicationId, String alertsApplicationId) {
        this.enrichPrefix = enrichApplicationId;
        this.alertsPrefix = alertsApplicationId;
    }

    void start() {
        threadStart = threadTimes();
        processStart = processNanos();
        compilersStart = compilers.cpuNanos();
        rocksDbStart = rocksDb.cpuNanos();
    }

    /**
     * CPU seconds by part since {@link #start()}: enrich, alerts, broker and clients, then either JIT compilers and
     * GC and native, or GC, JIT, native together where the compilers' time is unknown, RocksDB's flush and compaction
     * taken out of the latter where its threads are listed; and the total.
     */
    Map<String, Double> seconds() {
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("enrich", 0.0);
        parts.put("alerts", 0.0);
        parts.put("broker and clients", 0.0);
        double threadsTotal = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long now = threads.getThreadCpuTime(info.getThreadId());
            if (now < 0) {
                continue;
            }
            double used = (now - threadStart.getOrDefault(info.getThreadId(), 0L)) / 1e9;
            threadsTotal += used;
            String name = info.getThreadName();
            String part = name.startsWith(enrichPrefix) ? "enrich"
                    : name.startsWith(alertsPrefix) ? "alerts" : "broker and clients";
            parts.merge(part, used, Double::sum);
        }
        double total = (processNanos() - processStart) / 1e9;
        double outsideJava = Math.max(0, total - threadsTotal);
        long compilersNow = compilers.cpuNanos();
        boolean jitKnown = compilersStart >= 0 && compilersNow >= compilersStart;
        double jit = jitKnown ? Math.min(outsideJava, (compilersNow - compilersStart) / 1e9) : 0;
        if (jitKnown) {
            parts.put("JIT compilers", jit);
        }
        // its pools start with the first store opened, maybe after start(); a thread that ended takes its time along
        long rocksDbNow = rocksDb.cpuNanos();
        double stores = rocksDbNow < 0 ? 0
                : Math.min(outsideJava - jit, Math.max(0, rocksDbNow - Math.max(0, rocksDbStart)) / 1e9);
        if (rocksDbNow >= 0) {
            parts.put("RocksDB flush and compaction", stores);
        }
        parts.put(jitKnown ? "GC and native" : "GC, JIT, native", outsideJava - jit - stores);
        parts.put("total", total);
        return parts;
    }

    /** This process's CPU time so far, every thread's (ended ones too) and the JVM's own; as fine as the OS counts it. */
    long processNanos() {
        return os.getProcessCpuTime();
    }

    private Map<Long, Long> threadTimes() {
        Map<Long, Long> times = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            times.put(id, threads.getThreadCpuTime(id));
        }
        return times;
    }
}
