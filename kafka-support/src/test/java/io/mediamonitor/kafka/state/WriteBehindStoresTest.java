package io.mediamonitor.kafka.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The write-behind stores in a real task: what reaches the changelog, and when. */
class WriteBehindStoresTest {

    private static final String APP = "write-behind-test";
    private static final String TOTALS = "totals";
    private static final String WINDOWS = "windows";
    private static final long WINDOW = 3_600_000;

    /** Adds each record's value to its key's total and window, one unit at a time: many rewrites per record. */
    private static final class Adder implements Processor<String, Integer, String, Integer> {
        private ProcessorContext<String, Integer> context;
        private KeyValueStore<String, Integer> totals;
        private WindowStore<String, Integer> windows;

        @Override
        public void init(ProcessorContext<String, Integer> context) {
            this.context = context;
            this.totals = context.getStateStore(TOTALS);
            this.windows = context.getStateStore(WINDOWS);
        }

        @Override
        public void process(Record<String, Integer> record) {
            long window = record.timestamp() / WINDOW * WINDOW;
            for (int i = 0; i < record.value(); i++) {
                Integer total = totals.get(record.key());
                totals.put(record.key(), total == null ? 1 : total + 1);
                Integer inWindow = windows.fetch(record.key(), window);
                windows.put(record.key(), inWindow == null ? 1 : inWindow + 1, window);
            }
            if (record.value() == 0) {
                totals.delete(record.key());
            }
            int sum = 0;
            try (KeyValueIterator<String, Integer> all = totals.all()) { // a range sees the task's own changes
                while (all.hasNext()) {
                    sum += all.next().value;
                }
            }
            context.forward(new Record<>("sum", sum, record.timestamp()));
        }
    }

    private TopologyTestDriver driver;
    private TestInputTopic<String, Integer> input;
    private TestOutputTopic<String, Integer> sums;
    private TestOutputTopic<String, Integer> totalsChangelog;

    @BeforeEach
    void start() {
        Topology topology = new Topology();
        topology.addSource("in", "in");
        topology.addProcessor("add", Adder::new, "in");
        topology.addStateStore(WriteBehind.keyValue(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TOTALS),
                Serdes.String(), Serdes.Integer()), 100), "add");
        topology.addStateStore(WriteBehind.window(Stores.windowStoreBuilder(Stores.inMemoryWindowStore(WINDOWS,
                Duration.ofDays(1), Duration.ofMillis(WINDOW), false), Serdes.String(), Serdes.Integer()), 100), "add");
        topology.addSink("out", "sums", "add");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.IntegerSerde.class);
        driver = new TopologyTestDriver(topology, props);
        input = driver.createInputTopic("in", new StringSerializer(), new IntegerSerializer());
        sums = driver.createOutputTopic("sums", new StringDeserializer(), new IntegerDeserializer());
        totalsChangelog = driver.createOutputTopic(APP + "-" + TOTALS + "-changelog", new StringDeserializer(),
                new IntegerDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void eachChangedKeyReachesTheChangelogOncePerCommitWithItsLastValue() {
        input.pipeInput("mali", 5, 0L); // the driver commits after every record
        input.pipeInput("niger", 2, 10L);
        input.pipeInput("mali", 1, 20L);

        assertThat(totalsChangelog.readKeyValuesToList()).containsExactly(
                KeyValue.pair("mali", 5), KeyValue.pair("niger", 2), KeyValue.pair("mali", 6));
        assertThat(sums.readValuesToList()).containsExactly(5, 7, 8);
        assertThat(driver.<String, Integer>getKeyValueStore(TOTALS).get("mali")).isEqualTo(6);
        assertThat(driver.<String, Integer>getWindowStore(WINDOWS).fetch("mali", 0L)).isEqualTo(6);
        assertThat(driver.<String, Integer>getWindowStore(WINDOWS).fetch("niger", 0L)).isEqualTo(2);
    }

    @Test
    void aDeletionReachesTheChangelogAsATombstone() {
        input.pipeInput("mali", 3, 0L);
        input.pipeInput("mali", 0, 10L);

        List<KeyValue<String, Integer>> changes = totalsChangelog.readKeyValuesToList();
        assertThat(changes).containsExactly(KeyValue.pair("mali", 3), KeyValue.pair("mali", null));
        assertThat(driver.<String, Integer>getKeyValueStore(TOTALS).get("mali")).isNull();
        assertThat(sums.readValuesToList()).containsExactly(3, 0);
    }
}
