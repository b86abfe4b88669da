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

/**
 * One embedded broker per data directory. Kafka locks its log directory only once the broker half starts, after
 * the controller half has written to the metadata log: a second broker started on a directory in use would damage
 * the first (a hung or crashed broker, a truncated metadata log). This lock is taken before anything is written, and
 * names the broker that holds it.
 */
final class DataDirLock implements AutoCloseable {

    static final String FILE = ".broker.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws ConfigException when another broker, in this process or another, holds the directory */
    static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        FileChannel channel;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new ConfigException("cannot use the data directory " + dataDir.toAbsolutePath() + ": "
                    + e.getMessage() + " (set another with --data-dir)");
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this process
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("cannot lock " + file, e);
        }
        if (lock == null) {
            String holder = holder(file);
            close(channel);
            throw new ConfigException("the data directory " + dataDir.toAbsolutePath() + " is in use by another"
                    + " embedded broker" + (holder.isEmpty() ? "" : " (" + holder + ")") + ": connect to it with"
                    + " --bootstrap-servers" + (holder.isEmpty() ? "" : " " + holder) + ", or use another --data-dir");
        }
        return new DataDirLock(channel, lock);
    }

    /** Writes where the holder can be reached, for the message a second broker gets. */
    void noteAddress(String bootstrapServers) {
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
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // the channel's close releases it as well
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
