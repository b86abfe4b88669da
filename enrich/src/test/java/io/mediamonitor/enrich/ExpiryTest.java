package io.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.kafka.StateStoreType;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpiryTest {

    private static final long HOUR = 3_600_000L;

    private KeyValueStore<Bytes, byte[]> byTime;
    private KeyValueStore<String, Long> entries;

    @BeforeEach
    void stores() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        StateStore index = Expiry.store("expiry", StateStoreType.IN_MEMORY).withLoggingDisabled().build();
        index.init(context.getStateStoreContext(), index);
        StateStore values = Stores.keyValueStoreBuilder(StateStoreType.IN_MEMORY.keyValue("entries"), Serdes.String(),
                Serdes.Long()).withLoggingDisabled().build();
        values.init(context.getStateStoreContext(), values);
        @SuppressWarnings("unchecked")
        KeyValueStore<Bytes, byte[]> i = (KeyValueStore<Bytes, byte[]>) index;
        @SuppressWarnings("unchecked")
        KeyValueStore<String, Long> v = (KeyValueStore<String, Long>) values;
        byTime = i;
        entries = v;
    }

    @Test
    void forgetsWhatExpiredUnlessRenewedAndKeepsWhatHasNot() {
        Expiry expiry = new Expiry(byTime);
        note(expiry, "old", 1 * HOUR);
        note(expiry, "renewed", 1 * HOUR);
        entries.put("renewed", 5 * HOUR); // seen again since: it lives until 5 h
        note(expiry, "young", 4 * HOUR);

        List<String> heard = new ArrayList<>();
        int forgotten = expiry.forgetBefore(2 * HOUR, entries, livesOn(2 * HOUR), heard::add);

        assertThat(forgotten).isEqualTo(1);
        assertThat(heard).containsExactly("old");
        assertThat(entries.get("old")).isNull();
        assertThat(entries.get("renewed")).isEqualTo(5 * HOUR);
        assertThat(entries.get("young")).isEqualTo(4 * HOUR);
    }

    @Test
    void anEntryNotedAfterASweepButExpiringBeforeItIsForgottenAtTheNext() {
        Expiry expiry = new Expiry(byTime);
        note(expiry, "first", 1 * HOUR);
        expiry.forgetBefore(3 * HOUR, entries, livesOn(3 * HOUR), key -> { });

        note(expiry, "late", 2 * HOUR); // a late article's: its horizon ended before the last sweep
        expiry.forgetBefore(4 * HOUR, entries, livesOn(4 * HOUR), key -> { });

        assertThat(entries.get("late")).isNull();
        assertThat(byTime.approximateNumEntries()).isZero();
    }

    @Test
    void aSweepReadsFromWhereTheLastEndedAndAStartedTaskFromTheFirstKey() {
        Expiry expiry = new Expiry(byTime);
        note(expiry, "first", 1 * HOUR);
        expiry.forgetBefore(3 * HOUR, entries, livesOn(3 * HOUR), key -> { });
        // an index entry older than that sweep that this Expiry never noted: what a task that crashed before
        // its sweep leaves, and where, in RocksDB, the tombstones of everything forgotten lie
        entries.put("unswept", 2 * HOUR);
        byTime.put(Expiry.indexKey(2 * HOUR, "unswept"), new byte[0]);

        expiry.forgetBefore(4 * HOUR, entries, livesOn(4 * HOUR), key -> { });
        assertThat(entries.get("unswept")).as("not read again by a running task").isEqualTo(2 * HOUR);

        new Expiry(byTime).forgetBefore(4 * HOUR, entries, livesOn(4 * HOUR), key -> { });
        assertThat(entries.get("unswept")).as("read by the task's next start").isNull();
    }

    @Test
    void forgettingReadsNothingFromTheStoreAndAKeyNotedOnceIsForgottenAtItsTime() {
        Expiry expiry = new Expiry(byTime);
        note(expiry, "old", 1 * HOUR);
        note(expiry, "young", 4 * HOUR);
        List<String> calls = new ArrayList<>();
        @SuppressWarnings("unchecked")
        KeyValueStore<String, Long> watched = (KeyValueStore<String, Long>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return method.invoke(entries, args);
                });

        int forgotten = expiry.forgetBefore(2 * HOUR, watched);

        assertThat(forgotten).isEqualTo(1);
        assertThat(calls).as("a tombstone written, no read (a delete reads the old value)").containsExactly("put");
        assertThat(entries.get("old")).isNull();
        assertThat(entries.get("young")).isEqualTo(4 * HOUR);
    }

    /** What a caller tells by its entries: noted again since, with an expiry still ahead. */
    private Predicate<String> livesOn(long now) {
        return key -> {
            Long expiresAt = entries.get(key);
            return expiresAt != null && expiresAt >= now;
        };
    }

    private void note(Expiry expiry, String key, long expiresAt) {
        entries.put(key, expiresAt);
        expiry.expireAt(key, expiresAt);
    }
}
