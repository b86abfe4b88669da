package io.mediamonitor.app.jobs;

import io.mediamonitor.kafka.StateStoreType;

import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.enrich.EnrichService;
import io.mediamonitor.enrich.EnrichSettings;
import io.mediamonitor.enrich.EnrichSettingsBuilder;
import io.mediamonitor.enrich.LiveDictionary;
import io.mediamonitor.enrich.tagging.Dictionary;
import io.mediamonitor.enrich.tagging.DictionaryYaml;
import io.mediamonitor.model.DictionaryEntry;
import io.mediamonitor.schema.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds the enrich service and its dictionary from configuration. */
public final class EnrichJob {

    private EnrichJob() {
    }

    public static EnrichSettings settings(MonitorConfig config) {
        EnrichSettings defaults = EnrichSettings.defaults();
        java.time.Duration storyHorizon = config.duration("enrich.story.horizon.ms", defaults.storyHorizon());
        // late articles count as long as copies join stories, unless set apart
        java.time.Duration lateness = config.duration("enrich.window.lateness.ms", storyHorizon);
        try {
            return EnrichSettingsBuilder.builder(defaults)
                    .windowSize(config.duration("enrich.window.size.ms", defaults.windowSize()))
                    .windowAdvance(config.duration("enrich.window.advance.ms", defaults.windowAdvance()))
                    .windowGrace(config.duration("enrich.window.grace.ms", defaults.windowGrace()))
                    .lateness(lateness)
                    .storyHorizon(storyHorizon)
                    .idHorizon(config.duration("enrich.repeat.horizon.ms",
                            EnrichSettings.defaultIdHorizon(storyHorizon, lateness)))
                    .countPairs(config.bool("enrich.pairs.enabled", defaults.countPairs()))
                    .emitInterval(config.duration("enrich.emit.interval.ms", defaults.emitInterval()))
                    .maxArticleBytes(config.integer("enrich.max.article.bytes", defaults.maxArticleBytes()))
                    .stateStore(stateStore(config))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new io.mediamonitor.app.config.ConfigException("enrich.*: " + e.getMessage());
        }
    }

    /** Where the Streams jobs keep their state ({@code state.store}: rocksDB, the default, or in_memory). */
    public static StateStoreType stateStore(MonitorConfig config) {
        try {
            return StateStoreType.of(config.string("state.store", StateStoreType.ROCKSDB.configValue()));
        } catch (IllegalArgumentException e) {
            throw new io.mediamonitor.app.config.ConfigException(e.getMessage());
        }
    }

    /** The built-in dictionary plus the user's YAML file (enrich.dictionary.file), then the topic's entries. */
    public static Dictionary baseDictionary(MonitorConfig config) {
        Dictionary dictionary = Dictionary.builtIn();
        String file = config.string("enrich.dictionary.file", null);
        if (file != null) {
            try {
                List<DictionaryEntry> entries = DictionaryYaml.load(Path.of(file));
                dictionary = dictionary.withEntries(entries);
            } catch (java.io.IOException | RuntimeException e) {
                throw new io.mediamonitor.app.config.ConfigException(
                        "enrich.dictionary.file " + file + ": " + e.getMessage());
            }
        }
        return dictionary;
    }

    public static EnrichService create(MonitorConfig config, Topics topics, Map<String, Object> clientConfig,
                                       Path dataDir) {
        return create(config, topics, clientConfig, dataDir, () -> { });
    }

    public static EnrichService create(MonitorConfig config, Topics topics, Map<String, Object> clientConfig,
                                       Path dataDir, Runnable onTagged) {
        return new EnrichService(topics, settings(config), LiveDictionary.over(baseDictionary(config)), clientConfig,
                config.string("enrich.application.id", EnrichService.DEFAULT_APPLICATION_ID),
                dataDir.resolve("streams").toAbsolutePath().toString(), onTagged);
    }
}
