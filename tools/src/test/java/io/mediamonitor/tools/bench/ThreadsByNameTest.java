package io.mediamonitor.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadsByNameTest {

    @TempDir
    Path tasks;

    private void thread(String tid, String comm, String schedstat) throws IOException {
        Path dir = Files.createDirectories(tasks.resolve(tid));
        Files.writeString(dir.resolve("comm"), comm + "\n");
        Files.writeString(dir.resolve("schedstat"), schedstat + "\n");
    }

    @Test
    void sumsTheTimeOnACpuOfTheC1AndC2CompilerThreadsOnly() throws IOException {
        thread("101", "C2 CompilerThre", "1500000000 20000 300");
        thread("102", "C1 CompilerThre", "250000000 10 4");
        thread("103", "GC Thread#0", "900000000 10 4");
        thread("104", "bench-enrich-St", "7000000000 10 4");
        thread("105", "C2 CompilerThre", "50000000 10 4"); // a second C2 thread, as larger machines have
        thread("106", "rocksdb:low", "60000000 10 4");

        assertThat(ThreadsByName.compilers(tasks).cpuNanos()).isEqualTo(1_800_000_000L);
    }

    @Test
    void sumsRocksDbsFlushAndCompactionThreadsOnly() throws IOException {
        thread("101", "C2 CompilerThre", "1500000000 20000 300");
        thread("102", "rocksdb:low", "60000000 10 4");
        thread("103", "rocksdb:high", "30000000 10 4");
        thread("104", "rocksdb:low1", "5000000 10 4"); // pools of several threads number them
        thread("105", "bench-rocksdb-S", "7000000000 10 4"); // a stream thread of an application so named

        assertThat(ThreadsByName.rocksDb(tasks).cpuNanos()).isEqualTo(95_000_000L);
    }

    @Test
    void timeBetweenTwoReadingsCountsANewThreadFromZeroAndLosesOneThatEnded() throws IOException {
        thread("101", "rocksdb:low", "60000000 10 4");
        thread("102", "rocksdb:high", "30000000 10 4");
        Map<String, Long> then = ThreadsByName.rocksDb(tasks).byThread();
        assertThat(then).containsOnly(entry("101", 60_000_000L), entry("102", 30_000_000L));

        thread("101", "rocksdb:low", "70000000 10 4"); // 10 ms more
        Files.delete(tasks.resolve("102").resolve("comm")); // ended: its 30 ms must not come off the others'
        Files.delete(tasks.resolve("102").resolve("schedstat"));
        Files.delete(tasks.resolve("102"));
        thread("103", "rocksdb:low1", "5000000 10 4"); // a pool thread started in between: 5 ms
        Map<String, Long> now = ThreadsByName.rocksDb(tasks).byThread();

        assertThat(ThreadsByName.nanosBetween(then, now)).isEqualTo(15_000_000L);
    }

    @Test
    void aThreadThatCannotBeReadIsLeftOutAndNoneReadableIsUnknown() throws IOException {
        assertThat(ThreadsByName.compilers(tasks.resolve("absent")).cpuNanos()).isEqualTo(-1);
        assertThat(ThreadsByName.compilers(tasks).cpuNanos()).as("no compiler thread listed").isEqualTo(-1);

        thread("101", "C2 CompilerThre", "not a number");
        Files.createDirectories(tasks.resolve("102")); // a thread that ended while the directory was listed
        assertThat(ThreadsByName.compilers(tasks).cpuNanos()).isEqualTo(-1);

        thread("103", "C1 CompilerThre", "42");
        assertThat(ThreadsByName.compilers(tasks).cpuNanos()).isEqualTo(42);
    }

    @Test
    void readsThisJvmsCompilersOnLinux() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux's /proc");
        ThreadsByName compilers = ThreadsByName.compilers();
        long before = compilers.cpuNanos();
        assumeTrue(before >= 0, "a JVM with C1 or C2 compiler threads (HotSpot, not -Xint)");

        assertThat(before).as("a JVM running tests has compiled some of them").isPositive();
        assertThat(compilers.cpuNanos()).isGreaterThanOrEqualTo(before);
    }
}
