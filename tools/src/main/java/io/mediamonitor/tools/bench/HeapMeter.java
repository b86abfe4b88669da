package io.mediamonitor.tools.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap this JVM used since the last reset, sampled every 50 ms (pools peak at different moments, so the
 * sum of their peaks overstates it), and the heap it may use (-Xmx). Everything in the JVM counts: with the
 * embedded broker it is the broker, both jobs and the benchmark together.
 */
final class HeapMeter implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;

    HeapMeter() {
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    void reset() {
        peak.set(memory.getHeapMemoryUsage().getUsed());
    }

    long peakBytes() {
        return peak.get();
    }

    long maxBytes() {
        return memory.getHeapMemoryUsage().getMax();
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
