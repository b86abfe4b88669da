package io.mediamonitor.tools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time of this JVM's JIT compiler threads, which no Java thread API reports: how far a run still pays for
 * warming up. HotSpot names them "C1 CompilerThread0", "C2 CompilerThread0" and so on; Linux lists each thread's
 * name ({@code comm}, cut to 15 characters) and its time on a CPU in nanoseconds (the first field of
 * {@code schedstat}) under {@code /proc/self/task}. Elsewhere the time is unknown.
 */
final class CompilerThreads {

    private static final String NAME = "CompilerThre"; // what the 15 characters keep of "C2 CompilerThread0"

    private final Path tasks;

    CompilerThreads() {
        this(Path.of("/proc/self/task"));
    }

    /** @param tasks a directory of one directory per thread, as {@code /proc/self/task} */
    CompilerThreads(Path tasks) {
        this.tasks = tasks;
    }

    /** The compiler threads' CPU time so far in nanoseconds (those alive now), or -1 where it cannot be read. */
    long cpuNanos() {
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long total = 0;
        boolean found = false;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                long nanos = compilerNanos(thread);
                if (nanos >= 0) {
                    total += nanos;
                    found = true;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return found ? total : -1;
    }

    /** A compiler thread's CPU time, or -1 for another thread or one that ended while being read. */
    private static long compilerNanos(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm"), StandardCharsets.UTF_8).strip();
            if (!(name.startsWith("C1 ") || name.startsWith("C2 ")) || !name.contains(NAME)) {
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
