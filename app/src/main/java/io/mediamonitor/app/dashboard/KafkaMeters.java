package io.mediamonitor.app.dashboard;

import io.micrometer.core.instrument.config.MeterFilter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What of Kafka's own metrics reaches /metrics, and under which tags.
 *
 * <p>Kafka registers every metric whatever its recording level and records only those at or below
 * {@code metrics.recording.level} (INFO by default). Micrometer's Kafka binders export them all, so the DEBUG and
 * TRACE ones (state store operations, the record cache, per-task and per-node processing, RocksDB statistics) come
 * out as constant zeros: about 2,900 of the 8,700 samples of a scrape of the demo's two Streams applications. They
 * are left out; the INFO ones stay (threads, clients, dropped records, end-to-end latency, topics, restoration,
 * RocksDB properties such as memory and estimated keys, per store and task).
 *
 * <p>RocksDB reports some 24 properties per store and task, the bulk of what remained. Those an operator watches
 * stay: memory (memtables, block cache, table readers), disk (SST files), estimated keys, and trouble (background
 * errors, pending flushes and compactions). The internals of memtables and compactions in progress are left
 * out of /metrics; every Kafka metric stays readable over JMX.
 *
 * <p>Prometheus needs one set of tag keys per meter name, and Kafka names a store's id after its type
 * ({@code rocksdb-state-id}, {@code rocksdb-window-state-id}, ...): the first store type registered would win and
 * the others' meters be refused. The store id is exported as {@code state.id} for every type.
 */
final class KafkaMeters {

    /** DEBUG and TRACE metrics, from the recording levels in Kafka's monitoring documentation. */
    private static final List<Pattern> NOT_RECORDED = List.of(
            // state store operations, commits and iterators' durations (DEBUG; the open iterators are INFO) and a
            // record's end-to-end latency in a store (TRACE)
            Pattern.compile("kafka\\.stream\\.state\\.(put|put\\.if\\.absent|put\\.all|get|delete|flush|fetch|all"
                    + "|range|prefix\\.scan|restore|remove|commit|iterator\\.duration|record\\.e2e\\.latency"
                    + "|suppression\\.buffer\\.\\w+)"
                    + "\\.\\w+.*"),
            // RocksDB statistics (DEBUG); its properties (sizes, keys, block cache usage) are INFO
            Pattern.compile("kafka\\.stream\\.state\\.(bytes\\.(written|read)|memtable|write\\.stall|compaction\\.time"
                    + "|number\\.file\\.errors|block\\.cache\\.\\w+\\.hit\\.ratio)\\b.*"),
            Pattern.compile("kafka\\.stream\\.record\\.cache\\..*"),
            Pattern.compile("kafka\\.stream\\.task\\.(process|punctuate|enforced\\.processing|record\\.lateness"
                    + "|commit)\\b.*"),
            // a node's processing (DEBUG); its end-to-end latency is INFO
            Pattern.compile("kafka\\.stream\\.processor\\.node\\.(?!record\\.e2e\\.latency).*"));

    /** RocksDB properties (INFO) that are RocksDB's internals rather than a store's health. */
    private static final Pattern ROCKSDB_INTERNALS = Pattern.compile("kafka\\.stream\\.state\\."
            + "(num\\.immutable\\.mem\\.table|cur\\.size\\.active\\.mem\\.table|cur\\.size\\.all\\.mem\\.tables"
            + "|num\\.entries\\.(active\\.mem\\.table|imm\\.mem\\.tables)|num\\.deletes\\.(active\\.mem\\.table"
            + "|imm\\.mem\\.tables)|num\\.running\\.(flushes|compactions)|num\\.live\\.versions"
            + "|block\\.cache\\.capacity|estimate\\.oldest\\.key\\.time|number\\.open\\.files)");

    private static final List<String> STORE_ID_TAGS = List.of("rocksdb.state.id", "rocksdb.window.state.id",
            "rocksdb.session.state.id", "in.memory.state.id", "in.memory.window.state.id",
            "in.memory.session.state.id", "in.memory.lru.state.id", "in.memory.suppression.state.id");

    private KafkaMeters() {
    }

    /** The filters, in order; a registry must have them before the first Kafka meter is bound. */
    static List<MeterFilter> filters() {
        List<MeterFilter> filters = new java.util.ArrayList<>();
        filters.add(MeterFilter.deny(id -> recordedAboveInfo(id.getName()) || rocksDbInternals(id.getName())));
        for (String tag : STORE_ID_TAGS) {
            filters.add(MeterFilter.renameTag("kafka.stream.state", tag, "state.id"));
        }
        return filters;
    }

    static boolean rocksDbInternals(String meterName) {
        return ROCKSDB_INTERNALS.matcher(meterName).matches();
    }

    static boolean recordedAboveInfo(String meterName) {
        return NOT_RECORDED.stream().anyMatch(pattern -> pattern.matcher(meterName).matches());
    }
}
