package io.mediamonitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StateStoreTypeTest {

    @Test
    void readsKafkasOwnNamesInAnyCase() {
        assertThat(StateStoreType.of("rocksDB")).isEqualTo(StateStoreType.ROCKSDB);
        assertThat(StateStoreType.of("ROCKSDB")).isEqualTo(StateStoreType.ROCKSDB);
        assertThat(StateStoreType.of("in_memory")).isEqualTo(StateStoreType.IN_MEMORY);
        assertThat(StateStoreType.of(" in-memory ")).isEqualTo(StateStoreType.IN_MEMORY);
        assertThatThrownBy(() -> StateStoreType.of("redis"))
                .hasMessage("state.store must be rocksDB or in_memory, not redis");
    }

    @Test
    void suppliesStoresOnDiskOrOnTheHeap() {
        Duration hour = Duration.ofHours(1);
        assertThat(StateStoreType.ROCKSDB.keyValue("s").metricsScope()).isEqualTo("rocksdb");
        assertThat(StateStoreType.IN_MEMORY.keyValue("s").metricsScope()).isEqualTo("in-memory");
        assertThat(StateStoreType.ROCKSDB.window("w", hour.multipliedBy(2), hour).metricsScope())
                .isEqualTo("rocksdb-window");
        assertThat(StateStoreType.IN_MEMORY.window("w", hour.multipliedBy(2), hour, true).retainDuplicates())
                .isTrue();
    }
}
