package io.mediamonitor.enrich;

import io.mediamonitor.enrich.counting.WindowGrid;
import io.mediamonitor.kafka.StreamsDefaults;
import io.mediamonitor.kafka.StreamsJob;
import io.mediamonitor.schema.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enrich topology. Instances started with the same application id share the input
 * partitions, so the job scales out by starting more of them.
 */
public final class EnrichService extends StreamsJob {

    public static final String DEFAULT_APPLICATION_ID = "media-monitor-enrich";

    private static final Logger log = LoggerFactory.getLogger(EnrichService.class);
    private static final Duration TOPIC_LOOKUP = Duration.ofSeconds(30);

    private final LiveDictionary dictionary;
    private final WindowGrid grid;

    public EnrichService(Topics topics, EnrichSettings settings, LiveDictionary dictionary,
                         Map<String, Object> clientConfig, String applicationId, String stateDir) {
        this(topics, settings, dictionary, clientConfig, applicationId, stateDir, () -> { });
    }

    /** @param onTagged called once per tagged article (metrics) */
    public EnrichService(Topics topics, EnrichSettings settings, LiveDictionary dictionary,
                         Map<String, Object> clientConfig, String applicationId, String stateDir, Runnable onTagged) {
        super("Enrich", EnrichTopology.build(topics, settings, dictionary, Clock.systemUTC(), onTagged,
                        partitionsOf(topics.articlesRaw().name(), clientConfig)),
                StreamsDefaults.base(applicationId, clientConfig, topics.deadLetter().name(), stateDir));
        this.dictionary = dictionary;
        this.grid = settings.grid();
    }

    /**
     * The topic's partitions, which story dedup waits to hear from before windows close (see
     * {@link io.mediamonitor.enrich.counting.InputWatermark}); 0 when the broker cannot tell now: it then waits a
     * few minutes.
     */
    static int partitionsOf(String topic, Map<String, Object> clientConfig) {
        try (Admin admin = Admin.create(clientConfig)) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(TOPIC_LOOKUP.toMillis(),
                    TimeUnit.MILLISECONDS).get(topic).partitions().size();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("The partitions of {} are not known ({}): windows wait {} for every partition", topic,
                    e.toString(), StoryDeduplicator.IDLE_INPUT);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    public LiveDictionary dictionary() {
        return dictionary;
    }

    public MentionQueries queries() {
        return new MentionQueries(streams(), grid);
    }
}
