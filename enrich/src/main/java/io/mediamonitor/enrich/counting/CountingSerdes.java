package io.mediamonitor.enrich.counting;

import io.mediamonitor.schema.BinaryEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The counting's state in compact binary (Avro's variable-length integers and strings, without a schema
 * header): these values are read and written several times per mention, so they stay a few bytes. Each
 * starts with a format version, so a later layout can still read what an earlier one wrote.
 */
public final class CountingSerdes {

    private static final int FIRST = 1;
    /** The tally with its window's volume. */
    private static final int TALLY_WITH_VOLUME = 2;

    private CountingSerdes() {
    }

    public static Serde<StoryPresence> storyPresence() {
        return serde("story presence", FIRST, (presence, out) -> {
            List<StoryPresence.Sighting> sightings = presence.sightings();
            out.writeInt(sightings.size());
            long base = sightings.isEmpty() ? 0 : sightings.get(0).slot();
            out.writeLong(base);
            for (StoryPresence.Sighting s : sightings) {
                out.writeLong(s.slot() - base);
                out.writeString(s.source());
            }
        }, (in, version) -> {
            int n = in.readInt();
            long base = in.readLong();
            List<StoryPresence.Sighting> sightings = new ArrayList<>(n + 1);
            for (int i = 0; i < n; i++) {
                sightings.add(new StoryPresence.Sighting(base + in.readLong(), in.readString()));
            }
            return new StoryPresence(sightings);
        });
    }

    public static Serde<WindowTally> windowTally() {
        return serde("window tally", TALLY_WITH_VOLUME, (t, out) -> {
            out.writeInt(t.articles);
            out.writeInt(t.stories);
            out.writeInt(t.sources);
            out.writeInt(t.alone.length);
            for (int n : t.alone) {
                out.writeInt(n);
            }
            out.writeString(t.lastArticleId == null ? "" : t.lastArticleId);
            out.writeLong(t.lastEventAt);
            out.writeLong(t.latestEventAt);
            out.writeLong(t.countingSince);
            out.writeInt(t.windowStories);
        }, (in, version) -> {
            WindowTally t = new WindowTally();
            t.articles = in.readInt();
            t.stories = in.readInt();
            t.sources = in.readInt();
            t.alone = new int[in.readInt()];
            for (int i = 0; i < t.alone.length; i++) {
                t.alone[i] = in.readInt();
            }
            String last = in.readString();
            t.lastArticleId = last.isEmpty() ? null : last;
            t.lastEventAt = in.readLong();
            t.latestEventAt = in.readLong();
            t.countingSince = in.readLong();
            t.windowStories = version >= TALLY_WITH_VOLUME ? in.readInt() : 0;
            return t;
        });
    }

    public static Serde<SourceWindows> sourceWindows() {
        return serde("source windows", FIRST, (w, out) -> {
            out.writeInt(w.size);
            long previous = w.size == 0 ? 0 : w.windows[0];
            out.writeLong(previous);
            for (int i = 0; i < w.size; i++) {
                out.writeLong(w.windows[i] - previous); // ascending: small gaps
                previous = w.windows[i];
                out.writeInt(w.alone[i]);
            }
        }, (in, version) -> {
            int n = in.readInt();
            long[] windows = new long[Math.max(8, n + 6)];
            int[] alone = new int[windows.length];
            long previous = in.readLong();
            for (int i = 0; i < n; i++) {
                previous += in.readLong();
                windows[i] = previous;
                alone[i] = in.readInt();
            }
            return new SourceWindows(windows, alone, n);
        });
    }

    /** A list of names, e.g. the sources of a window in the order they appeared. */
    public static Serde<List<String>> names() {
        return serde("names", FIRST, (names, out) -> {
            out.writeInt(names.size());
            for (String name : names) {
                out.writeString(name);
            }
        }, (in, version) -> {
            int n = in.readInt();
            List<String> names = new ArrayList<>(n + 1);
            for (int i = 0; i < n; i++) {
                names.add(in.readString());
            }
            return names;
        });
    }

    /** A list of numbers, e.g. the windows of a term waiting to be emitted. */
    public static Serde<List<Long>> numbers() {
        return serde("numbers", FIRST, (numbers, out) -> {
            out.writeInt(numbers.size());
            for (long n : numbers) {
                out.writeLong(n);
            }
        }, (in, version) -> {
            int n = in.readInt();
            List<Long> numbers = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                numbers.add(in.readLong());
            }
            return numbers;
        });
    }

    @FunctionalInterface
    private interface Writer<T> {
        void write(T value, BinaryEncoder out) throws IOException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(BinaryDecoder in, int version) throws IOException;
    }

    /** @param current the format written, and the newest read; every earlier one from {@link #FIRST} is read too */
    private static <T> Serde<T> serde(String what, int current, Writer<T> writer, Reader<T> reader) {
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return BinaryEncoding.encode(out -> {
                    out.writeInt(current);
                    writer.write(value, out);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                BinaryDecoder in = DecoderFactory.get().binaryDecoder(bytes, null);
                int version = in.readInt();
                if (version < FIRST || version > current) {
                    throw new SerializationException("cannot read " + what + " format version " + version);
                }
                return reader.read(in, version);
            } catch (IOException | RuntimeException e) {
                throw e instanceof SerializationException s ? s
                        : new SerializationException("cannot read " + what + " (" + bytes.length + " bytes): " + e, e);
            }
        });
    }
}
