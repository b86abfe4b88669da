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
    private Map<String, Long> compilersStart;
    private Map<String, Long> rocksDbStart;

    CpuMeter(String enrichApplicationId, String alertsApplicationId) {
        this.enrichPrefix = enrichApplicationId;
        this.alertsPrefix = alertsApplicationId;
    }

    void start() {
        threadStart = threadTimes();
        processStart = processNanos();
        compilersStart = compilers.byThread();
        rocksDbStart = rocksDb.byThread();
    }

    /**
     * CPU seconds by part since {@link #start()}: enrich, alerts, broker and clients, then the time outside Java
     * threads ({@link #outsideJava}); and the total.
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
        parts.putAll(outsideJava(Math.max(0, total - threadsTotal),
                secondsBetween(compilersStart, compilers.byThread()), secondsBetween(rocksDbStart, rocksDb.byThread())));
        parts.put("total", total);
        return parts;
    }

    /** Seconds the named threads spent between two readings; NaN where none was listed at the second. */
    private static double secondsBetween(Map<String, Long> then, Map<String, Long> now) {
        return now.isEmpty() ? Double.NaN : ThreadsByName.nanosBetween(then, now) / 1e9;
    }

    /**
     * The time no Java thread accounts for, split: the JIT compilers, RocksDB's flush and compaction, and the rest
     * (garbage collection and other native threads), each part known only where its threads were listed (NaN
     * otherwise: the compilers' time then stays in "GC, JIT, native", RocksDB's in the rest). Each part is at most
     * what is left, so the parts add up to {@code outside}.
     */
    static Map<String, Double> outsideJava(double outside, double compilers, double rocksDb) {
        Map<String, Double> parts = new LinkedHashMap<>();
        double jit = Double.isNaN(compilers) ? 0 : Math.min(outside, compilers);
        if (!Double.isNaN(compilers)) {
            parts.put("JIT compilers", jit);
        }
        double stores = Double.isNaN(rocksDb) ? 0 : Math.min(outside - jit, rocksDb);
        if (!Double.isNaN(rocksDb)) {
            parts.put("RocksDB flush and compaction", stores);
        }
        parts.put(Double.isNaN(compilers) ? "GC, JIT, native" : "GC and native", outside - jit - stores);
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
