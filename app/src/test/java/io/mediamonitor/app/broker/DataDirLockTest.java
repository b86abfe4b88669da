package io.mediamonitor.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.app.config.ConfigException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {

    @TempDir
    Path dataDir;

    @Test
    void aRefusedSecondAttemptInThisProcessLeavesTheLockHeldAgainstOthers() throws Exception {
        try (DataDirLock held = DataDirLock.acquire(dataDir)) {
            held.noteAddress("127.0.0.1:19094");

            assertThatThrownBy(() -> DataDirLock.acquire(dataDir)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("in use by another embedded broker (127.0.0.1:19094)");
            // a file lock is the process's: had the refusal closed a channel on the file, another process could take it
            assertThat(lockFromAnotherProcess()).as("another process's attempt").isEqualTo(LockProbe.REFUSED);
        }
        assertThat(lockFromAnotherProcess()).as("once released").isEqualTo(LockProbe.TAKEN);
        DataDirLock.acquire(dataDir).close();
    }

    @Test
    void aDataDirectoryThatIsAFileIsAConfigurationErrorNamingIt() throws Exception {
        Path file = java.nio.file.Files.writeString(dataDir.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> DataDirLock.acquire(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot use the data directory " + file.toAbsolutePath())
                .hasMessageEndingWith("(set another with --data-dir)");
    }

    private int lockFromAnotherProcess() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockProbe.class.getName(), dataDir.resolve(DataDirLock.FILE).toString()).inheritIO().start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("the probe process ended").isTrue();
        return probe.exitValue();
    }

    /** Tries the lock from a process of its own: exit 0 when it took it, 3 when it is held. */
    static final class LockProbe {
        static final int TAKEN = 0;
        static final int REFUSED = 3;

        public static void main(String[] args) throws Exception {
            try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
                System.exit(lock == null ? REFUSED : TAKEN);
            }
        }
    }
}
