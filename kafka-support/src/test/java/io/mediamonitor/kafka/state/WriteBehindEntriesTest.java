package io.mediamonitor.kafka.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WriteBehindEntriesTest {

    private final Map<String, Integer> store = new HashMap<>();
    private final List<String> writes = new ArrayList<>();
    private int loads;

    private WriteBehindEntries<String, Integer> entries(int capacity) {
        return new WriteBehindEntries<>(capacity, (key, value) -> {
            writes.add(key + "=" + value);
            if (value == null) {
                store.remove(key);
            } else {
                store.put(key, value);
            }
        });
    }

    private Integer load(String key) {
        loads++;
        return store.get(key);
    }

    @Test
    void aKeyChangedManyTimesIsWrittenOnceWithItsLastValue() {
        WriteBehindEntries<String, Integer> entries = entries(10);
        for (int i = 1; i <= 5; i++) {
            entries.put("mali", i);
        }
        entries.put("niger", 7);

        assertThat(writes).isEmpty();
        assertThat(entries.get("mali", this::load)).isEqualTo(5);
        entries.flush();
        assertThat(writes).containsExactly("mali=5", "niger=7");
        assertThat(loads).isZero();

        entries.flush();
        assertThat(writes).hasSize(2); // nothing changed since
    }

    @Test
    void aValueReadOnceIsKeptAndAnAbsentKeyIsLookedUpOnce() {
        store.put("mali", 3);
        WriteBehindEntries<String, Integer> entries = entries(10);
        entries.put("other", 1); // the task's first write makes this thread the task's

        assertThat(entries.get("mali", this::load)).isEqualTo(3);
        assertThat(entries.get("mali", this::load)).isEqualTo(3);
        assertThat(entries.get("chad", this::load)).isNull();
        assertThat(entries.get("chad", this::load)).isNull();
        assertThat(loads).isEqualTo(2);
    }

    @Test
    void aDeletionIsWrittenAsOneAndReadsAsAbsent() {
        store.put("mali", 3);
        WriteBehindEntries<String, Integer> entries = entries(10);
        entries.put("mali", 4);
        entries.put("mali", null);

        assertThat(entries.get("mali", this::load)).isNull();
        entries.flush();
        assertThat(writes).containsExactly("mali=null");
        assertThat(store).doesNotContainKey("mali");
    }

    @Test
    void overCapacityTheLeastRecentlyUsedLeavesWrittenIfChanged() {
        WriteBehindEntries<String, Integer> entries = entries(2);
        entries.put("a", 1);
        entries.put("b", 2);
        entries.get("a", this::load); // b is now the least recently used
        entries.put("c", 3);

        assertThat(writes).containsExactly("b=2");
        assertThat(entries.size()).isEqualTo(2);
        entries.flush();
        assertThat(writes).containsExactly("b=2", "a=1", "c=3"); // b not twice
        assertThat(entries.get("b", this::load)).isEqualTo(2); // from the store again
        assertThat(loads).isEqualTo(1);
    }

    @Test
    void anUnchangedValueLeavesWithoutAWrite() {
        store.put("a", 1);
        WriteBehindEntries<String, Integer> entries = entries(1);
        entries.put("x", 9);
        entries.flush();
        writes.clear();

        entries.get("a", this::load); // x leaves, unchanged since the flush
        entries.get("x", this::load);
        assertThat(writes).isEmpty();
    }

    @Test
    void otherThreadsReadTheStoreAndNeverWrite() throws InterruptedException {
        store.put("mali", 3);
        WriteBehindEntries<String, Integer> entries = entries(10);
        entries.put("mali", 4);

        AtomicReference<Integer> seen = new AtomicReference<>();
        Thread query = new Thread(() -> {
            seen.set(entries.get("mali", this::load));
            entries.flushForRead();
        });
        query.start();
        query.join();

        assertThat(seen.get()).isEqualTo(3); // the store as of the last commit
        assertThat(writes).isEmpty();
        entries.flushForRead(); // the task's own range read writes its changes first
        assertThat(writes).containsExactly("mali=4");
    }

    @Test
    void clearingForgetsChangesNotWritten() {
        WriteBehindEntries<String, Integer> entries = entries(10);
        entries.put("mali", 4);
        entries.clear();
        entries.flush();

        assertThat(writes).isEmpty();
        assertThat(entries.size()).isZero();
        assertThatThrownBy(() -> entries(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
