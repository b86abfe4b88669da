package io.mediamonitor.enrich.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.kafka.StateStoreType;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WholeVolumeTest {

    /** Windows of 3 slots of 10 minutes, open 10 minutes after their end. */
    private static final WindowGrid GRID = WindowGrid.of(Duration.ofMinutes(30), Duration.ofMinutes(10));
    private static final Duration LATENESS = Duration.ofMinutes(10);
    private static final long SLOT = Duration.ofMinutes(10).toMillis();
    private static final int ALL_NEW = 0b111;

    private KeyValueStore<Long, Integer> store;

    @BeforeEach
    void store() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        StateStore built = WholeVolume.store(StateStoreType.IN_MEMORY).withCachingDisabled().withLoggingDisabled()
                .build();
        built.init(context.getStateStoreContext(), built);
        @SuppressWarnings("unchecked")
        KeyValueStore<Long, Integer> kv = (KeyValueStore<Long, Integer>) built;
        store = kv;
    }

    @Test
    void stampsEachArticleWithItsWindowsVolumesCountingOnlyTheWindowsItBringsANewStoryTo() {
        WholeVolume volume = new WholeVolume(store, GRID, LATENESS);

        assertThat(volume.count(100, ALL_NEW, 100 * SLOT)).containsExactly(1, 1, 1); // windows 98, 99, 100
        assertThat(volume.count(101, ALL_NEW, 101 * SLOT)).containsExactly(2, 2, 1); // 99, 100, 101
        // a copy of the first story: new only to window 101, the one its story had not reached
        assertThat(volume.count(101, 0b100, 101 * SLOT)).containsExactly(2, 2, 2);

        assertThat(new WholeVolume(store, GRID, LATENESS).count(101, 0, 101 * SLOT))
                .as("read back from the store by a restarted task").containsExactly(2, 2, 2);
    }

    @Test
    void forgetsTheWindowsClosedAtStreamTimeAndCountsNoArticleInThem() {
        WholeVolume volume = new WholeVolume(store, GRID, LATENESS);
        volume.count(100, ALL_NEW, 100 * SLOT);

        // at slot 104, windows up to 100 (ending at 103) are closed 10 minutes after their end: 101 is the oldest open
        assertThat(volume.count(102, ALL_NEW, 104 * SLOT)).containsExactly(0, 1, 1); // windows 100, 101, 102
        assertThat(store.get(99L)).isNull();
        assertThat(store.get(100L)).isNull();
        assertThat(store.get(101L)).isEqualTo(1);
    }

    @Test
    void aJobWhoseStoriesWereKeptBeforeItsVolumesRebuildsThemFromTheStoriesWindows() {
        WholeVolume volume = new WholeVolume(store, GRID, LATENESS);
        assertThat(volume.isEmpty()).isTrue();

        volume.seed(List.of(101L, 100L)); // a story seen in slots 101 then 100: windows 98 to 101, each once
        volume.seed(List.of(101L)); // windows 99 to 101

        assertThat(volume.isEmpty()).isFalse();
        assertThat(volume.count(101, 0, 101 * SLOT)).containsExactly(2, 2, 2); // windows 99, 100, 101
        assertThat(store.get(98L)).isEqualTo(1);
        assertThat(store.get(101L)).isEqualTo(2);
    }
}
