package io.mediamonitor.tools.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Peak heap of this JVM since the last reset: the sum of the heap pools' peak usage. Everything in
 * the JVM counts, so with the embedded broker it is the broker, both jobs and the benchmark together.
 */
final class HeapMeter {

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();

    void reset() {
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    long peakBytes() {
        return pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
