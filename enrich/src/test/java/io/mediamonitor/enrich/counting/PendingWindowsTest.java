package io.mediamonitor.enrich.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The windows one article changes are marked pending with one store write, and only when one of them is new. */
class PendingWindowsTest {

    private final AtomicInteger puts = new AtomicInteger();
    private KeyValueStore<String, List<Long>> store;

    @BeforeEach
    void store() {
        KeyValueStore<String, List<Long>> stored = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("pending"), Serdes.String(), CountingSerdes.numbers())
                .withLoggingDisabled().build();
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        stored.init(context.getStateStoreContext(), stored);
        store = countingPuts(stored);
    }

    @Test
    void anArticlesWindowsAreWrittenOnceAndRepeatsNotAtAll() {
        PendingWindows pending = new PendingWindows(store);

        pending.mark("ml", 10, 15);
        assertThat(puts).hasValue(1);
        assertThat(store.get("ml")).containsExactly(10L, 11L, 12L, 13L, 14L, 15L);

        pending.mark("ml", 10, 15);
        pending.mark("ml", 12, 14);
        assertThat(puts).as("nothing new to mark").hasValue(1);

        pending.mark("ml", 13, 18);
        assertThat(puts).hasValue(2);
        assertThat(store.get("ml")).containsExactly(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L);
    }

    @Test
    void whatWasMarkedBeforeARestartIsPendingAfterItAndDrainedOnce() {
        new PendingWindows(store).mark("ml", 10, 15);
        PendingWindows restarted = new PendingWindows(store);
        restarted.mark("actor:aes", 12, 12);

        Map<String, TreeSet<Long>> drained = restarted.drain();

        assertThat(drained).containsOnlyKeys("ml", "actor:aes");
        assertThat(drained.get("ml")).containsExactly(10L, 11L, 12L, 13L, 14L, 15L);
        assertThat(restarted.isEmpty()).isTrue();
        assertThat(store.get("ml")).isNull();
        assertThat(new PendingWindows(store).isEmpty()).isTrue();
    }

    /** The store, counting the puts made through it. */
    @SuppressWarnings("unchecked")
    private KeyValueStore<String, List<Long>> countingPuts(KeyValueStore<String, List<Long>> delegate) {
        return (KeyValueStore<String, List<Long>>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("put")) {
                        puts.incrementAndGet();
                    }
                    return method.invoke(delegate, args);
                });
    }
}
