package io.mediamonitor.app.broker;

import io.mediamonitor.app.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One embedded broker per data directory. Kafka locks its log directory only once the broker half starts, after
 * the controller half has written to the metadata log: a second broker started on a directory in use would damage
 * the first (a hung or crashed broker, a truncated metadata log). This lock is taken before anything is written, and
 * names the broker that holds it.
 */
final class DataDirLock implements AutoCloseable {

    static final String FILE = ".broker.lock";
    /**
     * The lock files this process holds. A file lock belongs to the process, and closing any channel on its file
     * releases it: a second attempt in this process must not so much as open the file.
     */
    private static final Map<Path, String> HELD = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws ConfigException when another broker, in this process or another, holds the directory */
    static DataDirLock acquire(Path dataDir) {
        Path file;
        try {
            Files.createDirectories(dataDir);
            file = dataDir.toRealPath().resolve(FILE);
        } catch (IOException e) {
            throw new ConfigException("cannot use the data directory " + dataDir.toAbsolutePath() + ": "
                    + e.getMessage() + " (set another with --data-dir)");
        }
        String heldBy = HELD.putIfAbsent(file, "");
        if (heldBy != null) {
            throw inUse(dataDir, heldBy);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = holder(file);
                close(channel);
                HELD.remove(file);
                throw inUse(dataDir, holder);
            }
            return new DataDirLock(file, channel, lock);
        } catch (IOException | OverlappingFileLockException e) {
            if (channel != null) {
                close(channel);
            }
            HELD.remove(file);
            throw new UncheckedIOException("cannot lock " + file, e instanceof IOException io ? io
                    : new IOException(e));
        }
    }

    private static ConfigException inUse(Path dataDir, String holder) {
        return new ConfigException("the data directory " + dataDir.toAbsolutePath() + " is in use by another"
                + " embedded broker" + (holder.isEmpty() ? "" : " (" + holder + ")") + ": connect to it with"
                + " --bootstrap-servers" + (holder.isEmpty() ? "" : " " + holder) + ", or use another --data-dir");
    }

    /** Writes where the holder can be reached, for the message a second broker gets. */
    void noteAddress(String bootstrapServers) {
        HELD.computeIfPresent(file, (held, before) -> bootstrapServers);
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(bootstrapServers.getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            // the lock holds without it; only the message loses the address
        }
    }

    private static String holder(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // the channel's close releases it as well
        }
        close(channel);
        HELD.remove(file);
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
