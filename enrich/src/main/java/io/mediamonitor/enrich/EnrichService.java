package io.mediamonitor.enrich;

import io.mediamonitor.enrich.counting.WindowGrid;
import io.mediamonitor.kafka.StreamsDefaults;
import io.mediamonitor.kafka.StreamsJob;
import io.mediamonitor.schema.Topics;
import java.time.Clock;
import java.util.Map;

/**
 * Runs the enrich topology. Instances started with the same application id share the input
 * partitions, so the job scales out by starting more of them.
 */
public final class EnrichService extends StreamsJob {

    public static final String DEFAULT_APPLICATION_ID = "media-monitor-enrich";

    private final LiveDictionary dictionary;
    private final WindowGrid grid;

    public EnrichService(Topics topics, EnrichSettings settings, LiveDictionary dictionary,
                         Map<String, Object> clientConfig, String applicationId, String stateDir) {
        this(topics, settings, dictionary, clientConfig, applicationId, stateDir, () -> { });
    }

    /** @param onTagged called once per tagged article (metrics) */
    public EnrichService(Topics topics, EnrichSettings settings, LiveDictionary dictionary,
                         Map<String, Object> clientConfig, String applicationId, String stateDir, Runnable onTagged) {
        super("Enrich", EnrichTopology.build(topics, settings, dictionary, Clock.systemUTC(), onTagged),
                StreamsDefaults.base(applicationId, clientConfig, topics.deadLetter().name(), stateDir));
        this.dictionary = dictionary;
        this.grid = settings.grid();
    }

    public LiveDictionary dictionary() {
        return dictionary;
    }

    public MentionQueries queries() {
        return new MentionQueries(streams(), grid);
    }
}
