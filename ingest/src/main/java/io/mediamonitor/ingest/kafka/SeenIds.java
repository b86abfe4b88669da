package io.mediamonitor.ingest.kafka;

import io.mediamonitor.schema.ArticleIds;

/**
 * The article ids already published, as 64-bit fingerprints in a bounded set: an id is
 * remembered until {@code capacity} more ids have been added after it (28 bytes an id: a million
 * ids in 28 MB). With 64-bit fingerprints a false "seen" needs a collision, about one chance in
 * 10^7 at a million ids, and would cost one article: accepted for the memory saved. Thread-safe.
 */
public final class SeenIds {

    private static final long EMPTY = 0L;

    private final int capacity;
    private final long[] table;     // open addressing, linear probing
    private final int[] ringSlot;   // for each table slot, where its key sits in the ring
    private final int mask;
    private final long[] ring;      // the last `capacity` insertions; EMPTY where removed since
    private int next;               // ring position of the next insertion (holds the oldest)
    private int size;

    public SeenIds(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        int slots = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1; // load factor <= 0.5
        this.table = new long[slots];
        this.ringSlot = new int[slots];
        this.mask = slots - 1;
        this.ring = new long[capacity];
    }

    /** Adds {@code id}; returns true when it was not there, i.e. the article is new. */
    public boolean add(String id) {
        return addFingerprint(ArticleIds.fingerprint(id));
    }

    public synchronized boolean contains(String id) {
        return indexOf(key(ArticleIds.fingerprint(id))) >= 0;
    }

    /** Forgets {@code id}, e.g. when publishing it failed and it must be tried again. */
    public synchronized void remove(String id) {
        int slot = indexOf(key(ArticleIds.fingerprint(id)));
        if (slot >= 0) {
            ring[ringSlot[slot]] = EMPTY;
            deleteSlot(slot);
        }
    }

    public synchronized int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    synchronized boolean addFingerprint(long fingerprint) {
        long key = key(fingerprint);
        if (indexOf(key) >= 0) {
            return false;
        }
        long oldest = ring[next];
        if (oldest != EMPTY) {
            deleteSlot(indexOf(oldest));
        }
        int slot = slotOf(key);
        while (table[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        table[slot] = key;
        ringSlot[slot] = next;
        ring[next] = key;
        next = next + 1 == capacity ? 0 : next + 1;
        size++;
        return true;
    }

    private int indexOf(long key) {
        int slot = slotOf(key);
        while (table[slot] != EMPTY) {
            if (table[slot] == key) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Backward-shift deletion keeps probe chains intact without tombstones. */
    private void deleteSlot(int slot) {
        int hole = slot;
        int probe = (slot + 1) & mask;
        while (table[probe] != EMPTY) {
            int home = slotOf(table[probe]);
            boolean movable = hole <= probe ? (home <= hole || home > probe) : (home <= hole && home > probe);
            if (movable) {
                table[hole] = table[probe];
                ringSlot[hole] = ringSlot[probe];
                hole = probe;
            }
            probe = (probe + 1) & mask;
        }
        table[hole] = EMPTY;
        size--;
    }

    private int slotOf(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }

    private static long key(long fingerprint) {
        return fingerprint == EMPTY ? 1L : fingerprint;
    }
}
