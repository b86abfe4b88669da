package io.mediamonitor.tools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The CPU time of this JVM's threads that no Java thread API reports, picked by name: the JIT compilers (how far a
 * run still pays for warming up) and RocksDB's flush and compaction threads (what the stores' writes cost besides
 * the stream threads' own). Linux lists each thread's name ({@code comm}, cut to 15 characters) and its time on a
 * CPU in nanoseconds (the first field of {@code schedstat}) under {@code /proc/self/task}. Elsewhere the time is
 * unknown.
 */
final class ThreadsByName {

    private static final Path THIS_PROCESS = Path.of("/proc/self/task");
    private static final String COMPILER = "CompilerThre"; // what the 15 characters keep of "C2 CompilerThread0"

    private final Path tasks;
    private final Predicate<String> name;

    /**
     * @param tasks a directory of one directory per thread, as {@code /proc/self/task}
     * @param name  which thread names count
     */
    ThreadsByName(Path tasks, Predicate<String> name) {
        this.tasks = tasks;
        this.name = name;
    }

    /** HotSpot's compiler threads: "C1 CompilerThread0", "C2 CompilerThread0" and so on. */
    static ThreadsByName compilers(Path tasks) {
        return new ThreadsByName(tasks, n -> (n.startsWith("C1 ") || n.startsWith("C2 ")) && n.contains(COMPILER));
    }

    static ThreadsByName compilers() {
        return compilers(THIS_PROCESS);
    }

    /** RocksDB's background pools, shared by every store of the JVM: "rocksdb:low" compacts, "rocksdb:high" flushes. */
    static ThreadsByName rocksDb(Path tasks) {
        return new ThreadsByName(tasks, n -> n.startsWith("rocksdb:"));
    }

    static ThreadsByName rocksDb() {
        return rocksDb(THIS_PROCESS);
    }

    /** The matching threads' CPU time so far in nanoseconds (those alive now), or -1 where none can be read. */
    long cpuNanos() {
        Map<String, Long> threads = byThread();
        return threads.isEmpty() ? -1 : threads.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Each matching thread's CPU time so far in nanoseconds, by thread id (those alive now; none where unreadable). */
    Map<String, Long> byThread() {
        Map<String, Long> times = new HashMap<>();
        if (!Files.isDirectory(tasks)) {
            return times;
        }
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                long nanos = matchingNanos(thread);
                if (nanos >= 0) {
                    times.put(thread.getFileName().toString(), nanos);
                }
            }
        } catch (IOException e) {
            return new HashMap<>();
        }
        return times;
    }

    /**
     * The CPU time the threads alive at {@code now} spent since {@code then} (two readings of {@link #byThread}): a
     * thread started in between counts from zero; one that ended in between is not listed, and its time since
     * {@code then} is lost rather than taken out of the others'.
     */
    static long nanosBetween(Map<String, Long> then, Map<String, Long> now) {
        long total = 0;
        for (Map.Entry<String, Long> thread : now.entrySet()) {
            total += Math.max(0, thread.getValue() - then.getOrDefault(thread.getKey(), 0L));
        }
        return total;
    }

    /** A matching thread's CPU time, or -1 for another thread or one that ended while being read. */
    private long matchingNanos(Path thread) {
        try {
            if (!name.test(Files.readString(thread.resolve("comm"), StandardCharsets.UTF_8).strip())) {
                return -1;
            }
            String schedstat = Files.readString(thread.resolve("schedstat"), StandardCharsets.UTF_8).strip();
            int space = schedstat.indexOf(' ');
            return Long.parseLong(space < 0 ? schedstat : schedstat.substring(0, space));
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
